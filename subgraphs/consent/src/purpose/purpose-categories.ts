/** Kinds of personal data a purpose may process (the names the privacy guard uses). */
export type PersonalDataCategoryName = 'IDENTITY' | 'CONTACT' | 'LOCATION' | 'DEMOGRAPHIC' | 'FINANCIAL' | 'BEHAVIOURAL';

const ALL: readonly PersonalDataCategoryName[] = ['IDENTITY', 'CONTACT', 'LOCATION', 'DEMOGRAPHIC', 'FINANCIAL', 'BEHAVIOURAL'];

/**
 * Which data categories each purpose covers: the one source for receipts (piiCategory),
 * Purpose.dataCategories and consent decisions. A purpose not listed covers nothing.
 */
export const PURPOSE_DATA_CATEGORIES: Readonly<Record<string, readonly PersonalDataCategoryName[]>> = {
  SERVICE: ALL,
  FRAUD_PREVENTION: ALL,
  MARKETING: ['CONTACT', 'IDENTITY', 'DEMOGRAPHIC', 'BEHAVIOURAL'],
  PROFILING: ['FINANCIAL', 'BEHAVIOURAL', 'DEMOGRAPHIC'],
  ANALYTICS: ['FINANCIAL', 'BEHAVIOURAL', 'DEMOGRAPHIC', 'LOCATION'],
  PERSONALISATION: ['BEHAVIOURAL', 'FINANCIAL', 'DEMOGRAPHIC', 'IDENTITY'],
  PARTNER_SHARING: ['IDENTITY', 'CONTACT', 'DEMOGRAPHIC'],
};

export const dataCategoriesOf = (purposeCode: string): readonly PersonalDataCategoryName[] => PURPOSE_DATA_CATEGORIES[purposeCode] ?? [];
