import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertMayReadExactSize } from '@c360/shared';
import type { CustomersContext } from '../context';
import { SegmentVersionType } from './segment.type';

/** A version's member count is a segment size: staff only, like Segment.memberCount. */
@Resolver(() => SegmentVersionType)
export class SegmentVersionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Members at that evaluation; staff only (FORBIDDEN for others)' })
  memberCount(@Root() version: SegmentVersionType, @Ctx() ctx: CustomersContext): number | null {
    assertMayReadExactSize(ctx.caller, 'SegmentVersion.memberCount');
    return version.memberCount;
  }
}
