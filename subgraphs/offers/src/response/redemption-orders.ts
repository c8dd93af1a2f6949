import { FEED_INTEGRITY_CALLER, PeerUnavailableError, REDEMPTION_ORDERS_QUERY, RedemptionOrderVerdict, type PeerClient, type RedemptionOrder } from '@c360/shared';
import { OfferResponseType } from './response.enums';
import { ordersUnavailable, redemptionOrderNotCompleted, redemptionOrderNotFound, redemptionOrderOfOtherCustomer, revenueAboveOrderTotal } from './response.errors';
import type { ResponseRequest } from './response.request';

/** Checks REDEEMED responses against the orders they name (BAD_USER_INPUT with the reason). */
export interface RedemptionOrders {
  assertRedeemable(requests: readonly ResponseRequest[]): Promise<void>;
}

export const anyRedemptionOrder: RedemptionOrders = { assertRedeemable: async () => undefined };

/**
 * A redemption names a COMPLETED order of the same customer and attributes at most its total:
 * asked of the transactions subgraph's internal contract (one call per batch), never its tables.
 */
export function peerRedemptionOrders(peers: PeerClient): RedemptionOrders {
  return {
    async assertRedeemable(requests) {
      const redeemed = requests.filter((r) => r.type === OfferResponseType.REDEEMED && r.orderId);
      if (redeemed.length === 0) return;
      let answer: { redemptionOrders: RedemptionOrder[] };
      try {
        answer = await peers.query('transactions', FEED_INTEGRITY_CALLER, REDEMPTION_ORDERS_QUERY, {
          orderIds: redeemed.map((r) => r.orderId),
          customerIds: redeemed.map((r) => r.customerId),
        });
      } catch (error) {
        if (error instanceof PeerUnavailableError) throw ordersUnavailable();
        throw error;
      }
      redeemed.forEach((request, i) => {
        const order = answer.redemptionOrders[i];
        if (!order || order.verdict === RedemptionOrderVerdict.NOT_FOUND) throw redemptionOrderNotFound();
        if (order.verdict === RedemptionOrderVerdict.OTHER_CUSTOMER) throw redemptionOrderOfOtherCustomer();
        if (order.verdict !== RedemptionOrderVerdict.COMPLETED) throw redemptionOrderNotCompleted();
        if (request.revenue !== null && order.total !== null && Math.round(request.revenue * 100) > Math.round(order.total * 100)) throw revenueAboveOrderTotal();
      });
    },
  };
}
