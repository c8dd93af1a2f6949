import { badInput, DomainError, ErrorCode } from '@c360/shared';
import type { PurposeEntity } from '../purpose/purpose.entity';

export const consentNotApplicable = (purpose: PurposeEntity) =>
  badInput(`Purpose ${purpose.code} is processed on the legal basis ${purpose.legalBasis}, which needs no consent, so consent for it cannot be granted, denied or withdrawn`, {
    field: 'purposeCode',
    legalBasis: purpose.legalBasis,
  });
export const partnerRequired = (purpose: string) => badInput(`Consent for ${purpose} must name the partner it applies to`, { field: 'partnerId' });
export const partnerNotAllowed = (purpose: string) => badInput(`Consent for ${purpose} does not apply to a partner; omit partnerId`, { field: 'partnerId' });
// These name the field and the rule, never the value sent: any customer may send one (self-service grants).
export const unknownPartner = () => badInput('No partner has this id', { field: 'partnerId', reason: 'UNKNOWN_PARTNER' });
export const inactivePartner = () => badInput('This partner is no longer active and cannot receive new consents', { field: 'partnerId', reason: 'INACTIVE_PARTNER' });
export const unknownNotice = () => badInput('This purpose has no notice of that version', { field: 'noticeVersion', reason: 'UNKNOWN_NOTICE_VERSION' });
export const noNoticePublished = (purpose: string) =>
  badInput(`Purpose ${purpose} has no published notice yet, so no informed decision can be recorded`, { field: 'purposeCode' });
export const notYourConsent = () => new DomainError(ErrorCode.FORBIDDEN, 'A customer may only record consent decisions for themself', { field: 'customerId' });
