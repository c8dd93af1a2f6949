import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertMayReadExactSize } from '@c360/shared';
import type { CustomersContext } from '../context';
import { SegmentVersionType } from './segment.type';
import { assertMayReadRecordedSize } from './segment-reader-gate';
import type { SegmentRule } from './segment-rule';

/** A version's member count is a segment size: staff only, like Segment.memberCount, and only where the reader may read its conditions. */
@Resolver(() => SegmentVersionType)
export class SegmentVersionResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Members at that evaluation; staff only (FORBIDDEN for others). Null with FORBIDDEN when the reader may not read a condition of this version, or may count only some of its members and reads for another purpose than it was evaluated for',
  })
  async memberCount(@Root() version: SegmentVersionType, @Ctx() ctx: CustomersContext): Promise<number | null> {
    assertMayReadExactSize(ctx.caller, 'SegmentVersion.memberCount');
    if (version.memberCount === null) return null;
    await assertMayReadRecordedSize(ctx, version.rule as unknown as SegmentRule, version.purpose);
    return version.memberCount;
  }
}
