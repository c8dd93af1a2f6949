import type { SegmentRow } from './segment.repository';
import type { SegmentType } from './segment.type';

export const toSegmentType = (row: SegmentRow): SegmentType => ({
  id: row.id,
  name: row.name,
  description: row.description,
  version: row.version,
  rule: row.rule as unknown as Record<string, unknown>,
  purpose: row.purpose,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  evaluatedAt: row.evaluatedAt,
});
