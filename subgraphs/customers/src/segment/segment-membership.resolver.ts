import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { assertUuid, badInput } from '@c360/shared';
import { assertMayUseSegments } from '@c360/shared/segments';
import type { CustomersContext } from '../context';
import { SegmentMembershipService } from './segment-membership.service';
import { membershipRelease } from './segment-reader-gate';
import { CustomerSegmentMembershipType } from './segment.type';

const MAX_CUSTOMERS = 10_000;

/** Internal contract for offers targeting: which current segments each customer is in. */
@Resolver()
export class SegmentMembershipResolver {
  constructor(private readonly memberships: SegmentMembershipService) {}

  /**
   * Offers forwards its own caller here, so the shared segment rule applies to that caller:
   * partners, self-service and BI are refused (membership is profiling), and offers then fails
   * its segment-targeted offers closed (SEGMENTS_UNAVAILABLE). A segment is reported only where
   * its condition categories are released to that caller (see segment-reader-gate.ts).
   */
  @Query(() => [CustomerSegmentMembershipType], { description: "Each customer's segments (current versions, as last evaluated), in request order" })
  @Directive('@inaccessible')
  segmentMemberships(@Arg('customerIds', () => [ID]) customerIds: string[], @Ctx() ctx: CustomersContext): Promise<CustomerSegmentMembershipType[]> {
    assertMayUseSegments(ctx.caller);
    if (customerIds.length > MAX_CUSTOMERS) throw badInput(`at most ${MAX_CUSTOMERS} customers per call`);
    return this.memberships.of(customerIds.map((id) => assertUuid(id, 'customerIds')), (rule) => membershipRelease(ctx, rule));
  }
}
