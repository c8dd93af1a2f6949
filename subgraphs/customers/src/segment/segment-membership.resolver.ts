import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { assertUuid, badInput, CallerKind, DomainError, ErrorCode } from '@c360/shared';
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
    if (ctx.caller.kind === CallerKind.CUSTOMER) return this.ownMemberships(customerIds, ctx);
    assertMayUseSegments(ctx.caller);
    if (customerIds.length > MAX_CUSTOMERS) throw badInput(`at most ${MAX_CUSTOMERS} customers per call`);
    return this.memberships.of(customerIds.map((id) => assertUuid(id, 'customerIds')), (rule) => membershipRelease(ctx, rule));
  }

  /**
   * Self-service: offers evaluates the customer's own segment-targeted offers server-side. Only
   * the offers subgraph can ask (this query is @inaccessible at the gateway), only about the
   * token's own customer, and offers never passes a membership on (only the offer itself).
   * Membership was already evaluated under each segment's own purpose and the customer's consent
   * to it; the data it reads is the customer's own, so no further reader gate applies.
   */
  private ownMemberships(customerIds: string[], ctx: CustomersContext): Promise<CustomerSegmentMembershipType[]> {
    const self = ctx.caller.customerId?.toLowerCase();
    const ids = customerIds.map((id) => assertUuid(id, 'customerIds'));
    if (!self || ids.some((id) => id !== self)) throw new DomainError(ErrorCode.FORBIDDEN, 'A CUSTOMER caller can only have its own segment-targeted offers evaluated', { callerKind: ctx.caller.kind });
    return this.memberships.of(ids, async () => null);
  }
}
