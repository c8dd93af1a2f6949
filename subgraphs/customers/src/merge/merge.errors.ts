import { DomainError, ErrorCode, badInput, conflict } from '@c360/shared';

// Messages name the argument and the rule, never a value the caller sent.
export const sameCustomer = () => badInput('survivorId and mergedId must name two different customers', { argument: 'mergedId' });
export const mergeCustomerNotFound = (argument: string) => new DomainError(ErrorCode.NOT_FOUND, `The customer named by ${argument} was not found`, { argument });
export const mergeNotFound = () => new DomainError(ErrorCode.NOT_FOUND, 'The merge was not found', { argument: 'mergeId' });
export const mergeInProgress = () => conflict('One of these customers is already in a merge that has not finished', { reason: 'MERGE_IN_PROGRESS' });
export const notMerged = () => conflict('Only a completed merge can be undone', { reason: 'NOT_MERGED' });
export const undoWindowClosed = () => conflict('The undo window of this merge has closed', { reason: 'UNDO_WINDOW_CLOSED' });
export const survivorChanged = () => conflict('The survivor was merged into another customer or erased since; undo that first', { reason: 'SURVIVOR_CHANGED' });
export const staffOnly = () => new DomainError(ErrorCode.FORBIDDEN, 'Duplicate candidates are for staff tools only');
