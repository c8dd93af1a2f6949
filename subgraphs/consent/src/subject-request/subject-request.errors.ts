import { DomainError, ErrorCode, notFound } from '@c360/shared';
import { SUBJECT_DATA_SCOPE } from '@c360/shared';

export const notYourRequest = () =>
  new DomainError(ErrorCode.FORBIDDEN, `A data-subject request can be made by that customer themself, or by staff with the ${SUBJECT_DATA_SCOPE} scope`, { scope: SUBJECT_DATA_SCOPE });
export const subjectRequestNotFound = (id: string) => notFound('Data-subject request', id);
