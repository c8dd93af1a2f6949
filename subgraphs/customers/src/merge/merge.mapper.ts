import type { MergeRow } from './merge.repository';
import type { CustomerMerge } from './merge.type';

export const toCustomerMerge = (row: MergeRow): CustomerMerge => ({
  ...row,
  requestedAt: new Date(row.requestedAt),
  undoUntil: new Date(row.undoUntil),
  completedAt: row.completedAt && new Date(row.completedAt),
  unmergedAt: row.unmergedAt && new Date(row.unmergedAt),
});
