import { DomainError, ErrorCode } from '@c360/shared';

/**
 * Re-ingesting a record of an erased customer must not bring the person back. Names which of the
 * request's external ids by position (errors never echo input).
 */
export const identityErased = (argument: string, positions: number[]) =>
  new DomainError(ErrorCode.SUBJECT_ERASED, 'An external id in this request belonged to a customer whose data was erased', { reason: 'SUBJECT_ERASED', argument, positions });
