import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertMayReadExactSize, badInput, DomainError, ErrorCode } from '@c360/shared';
import type { CustomersContext } from '../context';
import { assertMayReadRecordedSize, readerGate } from './segment-reader-gate';
import type { SegmentRule } from './segment-rule';
import { SegmentSizeHistoryType } from './segment-size-history.type';
import { SegmentType } from './segment.type';
import type { SegmentSizeRow } from './segment-size-history.repository';

const MAX_POINTS = 1_000;

/**
 * A segment's size over time: staff only like its current size (BI never reads segments; it gets
 * k-suppressed, noisy sizes through customerCounts(groupBy: SEGMENT)), and each version's points
 * only where its recorded size is released to the reader (assertMayReadRecordedSize).
 */
@Resolver(() => SegmentType)
export class SegmentSizeHistoryResolver {
  @FieldResolver(() => SegmentSizeHistoryType, {
    nullable: true,
    description:
      'Sizes recorded at each evaluation that changed the size or version (and daily while unchanged), oldest first; the latest `first` (1 to 1000) since `since`, never older than SEGMENT_SIZE_HISTORY_DAYS. Staff only (FORBIDDEN for others); null with FORBIDDEN when the reader may not read a condition of the current version',
  })
  async sizeHistory(
    @Root() segment: SegmentType,
    @Arg('since', () => Date, { nullable: true }) since: Date | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: CustomersContext,
  ): Promise<SegmentSizeHistoryType> {
    assertMayReadExactSize(ctx.caller, 'Segment.sizeHistory');
    if (!Number.isInteger(first) || first < 1 || first > MAX_POINTS) throw badInput(`first is 1 to ${MAX_POINTS}`, { field: 'first' });
    // The current version's conditions decide whether the segment's sizes are readable at all, as for memberCount.
    await readerGate(ctx, segment.rule as unknown as SegmentRule);
    const rows = await ctx.loaders.segmentSizeHistory(since, first).load(segment.id);
    const withheld = new Set<number>();
    for (const version of new Map(rows.map((r) => [r.version, r])).values()) if (!(await released(ctx, version))) withheld.add(version.version);
    return {
      points: rows.filter((r) => !withheld.has(r.version)).map((r) => ({ at: r.recordedAt, version: r.version, memberCount: r.memberCount })),
      withheldVersions: [...withheld].sort((a, b) => a - b),
    };
  }
}

const isForbidden = (error: unknown) => error instanceof DomainError && error.extensions.code === ErrorCode.FORBIDDEN;

async function released(ctx: CustomersContext, version: SegmentSizeRow): Promise<boolean> {
  try {
    await assertMayReadRecordedSize(ctx, version.rule, version.purpose);
    return true;
  } catch (error) {
    if (isForbidden(error)) return false;
    throw error;
  }
}
