import { conflict, DomainError, ErrorCode, notFound } from '@c360/shared';
import { SUBJECT_DATA_SCOPE } from '@c360/shared';

export const notYourRequest = () =>
  new DomainError(ErrorCode.FORBIDDEN, `A data-subject request can be made by that customer themself, or by staff with the ${SUBJECT_DATA_SCOPE} scope`, { scope: SUBJECT_DATA_SCOPE });
export const subjectRequestNotFound = (_id?: string) => notFound('Data-subject request');
/** A retired (merged) id holds nothing any more: a request on it would be DONE while the person's data stays under the survivor. */
export const subjectMerged = () =>
  conflict('This customer id was merged into another profile; a data-subject request names the surviving profile', { field: 'customerId', reason: 'SUBJECT_MERGED' });
