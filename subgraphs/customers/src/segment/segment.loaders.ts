import DataLoader from 'dataloader';
import { TIME_ID_CURSOR, createChildPageLoader } from '@c360/shared';
import { toCustomerType } from '../customer/customer.mapper';
import type { SegmentMemberRow, SegmentRepository } from './segment.repository';
import type { SegmentVersionType } from './segment.type';
import type { SegmentSizeHistoryRepository, SegmentSizeRow } from './segment-size-history.repository';

/** Member counts and pages, restricted to `onlyIds` (null: every member). */
function memberLoaders(segments: SegmentRepository, onlyIds: readonly string[] | null) {
  return {
    count: new DataLoader<string, number>(async (ids) => {
      const counts = await segments.memberCounts(ids, onlyIds);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    page: createChildPageLoader<SegmentMemberRow, ReturnType<typeof toCustomerType>>({
      fetch: (segmentIds, size, after) => segments.memberPages(segmentIds, size, after, onlyIds),
      parentOf: (row) => row.segmentId,
      cursorKeyOf: (row) => [row.createdAt.toISOString(), row.id],
      cursorShape: TIME_ID_CURSOR,
      cursorList: 'Segment.members',
      toNode: toCustomerType,
    }),
  };
}

/** Per-request loaders: a list of segments costs the same statements as one. */
export function createSegmentLoaders(segments: SegmentRepository, sizes: SegmentSizeHistoryRepository) {
  const byGate = new Map<readonly string[] | null, ReturnType<typeof memberLoaders>>();
  const bySizeWindow = new Map<string, DataLoader<string, SegmentSizeRow[]>>();
  return {
    segmentVersions: new DataLoader<string, SegmentVersionType[]>(async (ids) => {
      const rows = await segments.versionsOf(ids);
      const grouped = new Map<string, SegmentVersionType[]>(ids.map((id) => [id, []]));
      for (const row of rows) grouped.get(row.segmentId)?.push({ ...row, rule: row.rule as unknown as Record<string, unknown> });
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    /** Members as the reader may see them (see segment-reader-gate.ts): one loader pair per gate, so segments with the same gate still batch. */
    segmentMembers(gate: readonly string[] | null) {
      let loaders = byGate.get(gate);
      if (!loaders) byGate.set(gate, (loaders = memberLoaders(segments, gate)));
      return loaders;
    },
    /** Recorded sizes per segment for one (since, first) window, never before the retention: one statement per window for the whole list. */
    segmentSizeHistory(since: Date | null, first: number) {
      const kept = sizes.keptSince();
      const from = since && since > kept ? since : kept;
      const key = `${since?.toISOString() ?? ''}|${first}`;
      let loader = bySizeWindow.get(key);
      if (!loader)
        bySizeWindow.set(
          key,
          (loader = new DataLoader<string, SegmentSizeRow[]>(async (ids) => {
            const rows = await sizes.of(ids, from, first);
            return ids.map((id) => rows.filter((r) => r.segmentId === id));
          })),
        );
      return loader;
    },
    /** The reader's gate per set of categories, computed once per request. */
    readerGates: new Map<string, Promise<readonly string[] | null>>(),
  };
}

export type SegmentLoaders = ReturnType<typeof createSegmentLoaders>;
