import { conflict, notFound, badInput, DomainError, ErrorCode } from '@c360/shared';

export const customerNotFound = (_id?: string) => notFound('Customer');
/** Names the argument, never the identifier asked: the same answer for a missing and a hidden holder. */
export const externalIdNotFound = () => new DomainError(ErrorCode.NOT_FOUND, 'No customer holds this external id', { argument: 'id' });
export const externalIdTaken = (externalIds: { system: string; id: string }[]) =>
  conflict('An external id in this request already belongs to a customer', { externalIds: externalIds.map((e) => `${e.system}/${e.id}`) });
export const missingName = () => badInput('A customer needs a displayName, or a givenName or familyName to derive it from', { field: 'displayName' });
export const birthDateInFuture = () => badInput('birthDate must be in the past', { field: 'birthDate' });
/** Another customer already has this e-mail address (compared case-folded); the message does not repeat it. */
export const emailTaken = () => conflict('Another customer already has this e-mail address', { field: 'email', reason: 'EMAIL_TAKEN' });
export const followMergesStaffOnly = () =>
  new DomainError(ErrorCode.FORBIDDEN, 'followMerges: false is for staff tools and the sign-in only', { argument: 'followMerges' });
