import { badInput, conflict, notFound, DomainError, ErrorCode } from '@c360/shared';

export const segmentNotFound = (_id?: string) => notFound('Segment');
export const segmentNameTaken = () => conflict('A segment with this name already exists', { field: 'name', reason: 'SEGMENT_NAME_TAKEN' });
export const badSegmentName = () => badInput('A segment name is 1 to 100 characters', { field: 'name' });
export const reservedSegmentName = () => badInput('This name is reserved: customer counts by segment use it as a group of their own', { field: 'name', reason: 'RESERVED_SEGMENT_NAME' });
export const segmentChanged = (id: string, readVersion: number, currentVersion: number) =>
  conflict(`Segment ${id} changed while this update was prepared (version ${readVersion} became ${currentVersion}); nothing was written, read it again and retry`, {
    reason: 'SEGMENT_CHANGED',
    currentVersion,
  });
export const nothingToUpdate = () => badInput('Give at least one of name, description, rule', { field: 'input' });
export const conditionsUnavailable = (peer: string) =>
  new DomainError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${peer} subgraph could not evaluate this segment's conditions; nothing was changed`, { subgraph: peer });
