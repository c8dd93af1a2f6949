import { DomainError, ErrorCode } from '@c360/shared';
import type { ExternalIdPair } from './subject-data.repository';

/** Re-ingesting a record of an erased customer must not bring the person back. */
export const identityErased = (externalIds: ExternalIdPair[]) =>
  new DomainError(ErrorCode.SUBJECT_ERASED, 'An external id in this request belonged to a customer whose data was erased', { reason: 'SUBJECT_ERASED', externalIds: externalIds.map((e) => `${e.system}/${e.id}`) });
