import { badInput, notFound } from '@c360/shared';

export const offerNotFound = (_id?: string) => notFound('Offer');
export const offerWindowReversed = () => badInput('validUntil must be after validFrom', { field: 'validUntil' });
export const badInitialOfferStatus = (status: string) => badInput(`An offer is created as DRAFT or ACTIVE, not ${status}`, { field: 'status' });
export const duplicateSkus = (skus: string[]) => badInput('Each sku may appear only once', { field: 'skus', skus });
export const badBenefit = (message: string, field: 'benefitValue' | 'currency' = 'benefitValue') => badInput(message, { field });
export const transparentNeedsPersonalisation = () =>
  badInput('A TRANSPARENT offer is tailored from observed behaviour, so it needs consentPurpose PERSONALISATION', { field: 'consentPurpose' });
export const activationAfterWindow = () => badInput('An offer whose validity window has ended cannot be ACTIVE', { field: 'status' });
export const badTargeting = (message: string, field: string) => badInput(message, { field: `targeting.${field}` });
export const expiredOfferIsFinal = () => badInput('An EXPIRED offer is final: its targeting can no longer change', { field: 'id' });
