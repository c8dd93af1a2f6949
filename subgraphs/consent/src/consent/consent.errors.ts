import { badInput, DomainError, ErrorCode } from '@c360/shared';
import type { PurposeEntity } from '../purpose/purpose.entity';

export const consentNotApplicable = (purpose: PurposeEntity) =>
  badInput(`Purpose ${purpose.code} is processed on the legal basis ${purpose.legalBasis}, which needs no consent, so consent for it cannot be granted, denied or withdrawn`, {
    field: 'purposeCode',
    legalBasis: purpose.legalBasis,
  });
export const partnerRequired = (purpose: string) => badInput(`Consent for ${purpose} must name the partner it applies to`, { field: 'partnerId' });
export const partnerNotAllowed = (purpose: string) => badInput(`Consent for ${purpose} does not apply to a partner; omit partnerId`, { field: 'partnerId' });
export const unknownPartner = (id: string) => badInput(`Partner "${id}" does not exist`, { field: 'partnerId', partnerId: id });
export const inactivePartner = (id: string) => badInput(`Partner "${id}" is no longer active and cannot receive new consents`, { field: 'partnerId', partnerId: id });
export const unknownNotice = (purpose: string, version: number) =>
  badInput(`Purpose ${purpose} has no notice version ${version}`, { field: 'noticeVersion', purposeCode: purpose, noticeVersion: version });
export const noNoticePublished = (purpose: string) =>
  badInput(`Purpose ${purpose} has no published notice yet, so no informed decision can be recorded`, { field: 'purposeCode' });
export const notYourConsent = () => new DomainError(ErrorCode.FORBIDDEN, 'A customer may only record consent decisions for themself', { field: 'customerId' });
