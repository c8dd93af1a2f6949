import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { badInput, DomainError, ErrorCode, FEED_INTEGRITY_SCOPE, hasScope, MAX_REDEMPTION_CLAIMS } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { RedemptionOrderType } from './redemption-order.type';
import type { RedemptionOrderService } from './redemption-order.service';

/** Internal contract for offers: can each named order back a REDEEMED response of the claimed customer? */
@Resolver()
export class RedemptionOrderResolver {
  constructor(private readonly service: RedemptionOrderService) {}

  @Query(() => [RedemptionOrderType], { description: 'Internal (feed integrity): a verdict per (order, claimed customer) pair, in request order' })
  @Directive('@inaccessible')
  redemptionOrders(
    @Arg('orderIds', () => [ID]) orderIds: string[],
    @Arg('customerIds', () => [ID]) customerIds: string[],
    @Ctx() ctx: TransactionsContext,
  ): Promise<RedemptionOrderType[]> {
    if (!hasScope(ctx.caller, FEED_INTEGRITY_SCOPE)) throw new DomainError(ErrorCode.FORBIDDEN, `redemptionOrders requires the ${FEED_INTEGRITY_SCOPE} scope`);
    if (orderIds.length !== customerIds.length || orderIds.length > MAX_REDEMPTION_CLAIMS) throw badInput(`orderIds and customerIds must pair up, at most ${MAX_REDEMPTION_CLAIMS}`);
    return this.service.judge(orderIds.map((orderId, i) => ({ orderId, customerId: customerIds[i] })));
  }
}
