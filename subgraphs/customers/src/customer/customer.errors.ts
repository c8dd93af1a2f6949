import { conflict, notFound, badInput, DomainError, ErrorCode } from '@c360/shared';

export const customerNotFound = (_id?: string) => notFound('Customer');
/** Names the argument, never the identifier asked: the same answer for a missing and a hidden holder. */
export const externalIdNotFound = () => new DomainError(ErrorCode.NOT_FOUND, 'No customer holds this external id', { argument: 'id' });
/** Names the argument, never the ids sent (an error does not echo its input). */
export const externalIdTaken = (argument: string) => conflict('An external id in this request already belongs to a customer', { argument, reason: 'EXTERNAL_ID_TAKEN' });
export const missingName = () => badInput('A customer needs a displayName, or a givenName or familyName to derive it from', { field: 'displayName' });
export const birthDateInFuture = () => badInput('birthDate must be in the past', { field: 'birthDate' });
/** Another customer already has this e-mail address (compared case-folded); the message does not repeat it. */
export const emailTaken = () => conflict('Another customer already has this e-mail address', { field: 'email', reason: 'EMAIL_TAKEN' });
export const followMergesStaffOnly = () =>
  new DomainError(ErrorCode.FORBIDDEN, 'followMerges: false is for staff tools and the sign-in only', { argument: 'followMerges' });
/**
 * A customer's own e-mail address and external ids identify the person across systems (the sign-in, the
 * ERP): self-service may remove its address but not point its profile at another one, whatever that one
 * is, so the answer never depends on who else holds it (EMAIL_TAKEN and SUBJECT_ERASED would tell).
 */
export const selfServiceIdentifier = (field: 'email' | 'addExternalIds') =>
  new DomainError(ErrorCode.FORBIDDEN, `A customer cannot change ${field === 'email' ? 'its e-mail address' : 'its external ids'} through self-service: the service desk does, after checking it is theirs`, { field, reason: 'SELF_SERVICE_IDENTIFIER' });
