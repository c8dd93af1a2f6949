import DataLoader from 'dataloader';
import { TIME_ID_CURSOR, createChildPageLoader } from '@c360/shared';
import { toCustomerType } from '../customer/customer.mapper';
import type { SegmentMemberRow, SegmentRepository } from './segment.repository';
import type { SegmentVersionType } from './segment.type';

/** Per-request loaders: a list of segments costs the same statements as one. */
export function createSegmentLoaders(segments: SegmentRepository) {
  return {
    segmentVersions: new DataLoader<string, SegmentVersionType[]>(async (ids) => {
      const rows = await segments.versionsOf(ids);
      const grouped = new Map<string, SegmentVersionType[]>(ids.map((id) => [id, []]));
      for (const row of rows) grouped.get(row.segmentId)?.push({ ...row, rule: row.rule as unknown as Record<string, unknown> });
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    segmentMemberCount: new DataLoader<string, number>(async (ids) => {
      const counts = await segments.memberCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    segmentMembersPage: createChildPageLoader<SegmentMemberRow, ReturnType<typeof toCustomerType>>({
      fetch: (segmentIds, size, after) => segments.memberPages(segmentIds, size, after),
      parentOf: (row) => row.segmentId,
      cursorKeyOf: (row) => [row.createdAt.toISOString(), row.id],
      cursorShape: TIME_ID_CURSOR,
      toNode: toCustomerType,
    }),
  };
}

export type SegmentLoaders = ReturnType<typeof createSegmentLoaders>;
