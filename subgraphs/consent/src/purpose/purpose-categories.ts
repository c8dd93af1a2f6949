import { PersonalDataCategory } from '@c360/shared';

const ALL: readonly PersonalDataCategory[] = Object.values(PersonalDataCategory);
const { IDENTITY, CONTACT, LOCATION, DEMOGRAPHIC, FINANCIAL, BEHAVIOURAL } = PersonalDataCategory;

/**
 * Which data categories each purpose covers (data minimisation): the one source for receipts
 * (piiCategory), Purpose.dataCategories and consent decisions. A purpose not listed covers nothing.
 */
export const PURPOSE_DATA_CATEGORIES: Readonly<Record<string, readonly PersonalDataCategory[]>> = {
  SERVICE: ALL,
  FRAUD_PREVENTION: ALL,
  MARKETING: [CONTACT, IDENTITY, DEMOGRAPHIC, BEHAVIOURAL],
  PROFILING: [FINANCIAL, BEHAVIOURAL, DEMOGRAPHIC],
  ANALYTICS: [FINANCIAL, BEHAVIOURAL, DEMOGRAPHIC, LOCATION],
  PERSONALISATION: [BEHAVIOURAL, FINANCIAL, DEMOGRAPHIC, IDENTITY],
  PARTNER_SHARING: [IDENTITY, CONTACT, DEMOGRAPHIC],
};

export const dataCategoriesOf = (purposeCode: string): readonly PersonalDataCategory[] => PURPOSE_DATA_CATEGORIES[purposeCode] ?? [];
