import { isUuid, RedemptionOrderVerdict, type RedemptionOrder } from '@c360/shared';
import type { OrderRepository } from '../order/order.repository';

/** Judges the orders offer redemptions name: one read, nothing about another customer's order leaves. */
export class RedemptionOrderService {
  constructor(private readonly orders: OrderRepository) {}

  async judge(claims: readonly { orderId: string; customerId: string }[]): Promise<RedemptionOrder[]> {
    const ids = [...new Set(claims.map((c) => c.orderId.toLowerCase()).filter(isUuid))];
    const found = new Map((ids.length ? await this.orders.findByIds(ids) : []).map((o) => [o.id, o]));
    return claims.map(({ orderId, customerId }) => {
      const order = found.get(orderId.toLowerCase());
      if (!order) return { orderId, verdict: RedemptionOrderVerdict.NOT_FOUND, total: null };
      if (order.customerId !== customerId.toLowerCase()) return { orderId, verdict: RedemptionOrderVerdict.OTHER_CUSTOMER, total: null };
      return { orderId, verdict: order.status === 'COMPLETED' ? RedemptionOrderVerdict.COMPLETED : RedemptionOrderVerdict.NOT_COMPLETED, total: Number(order.total) };
    });
  }
}
