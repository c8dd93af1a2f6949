import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';
import type { OrderStatus, SalesChannel } from './order.enums';
import type { OrderLineType, OrderType } from './order.type';

/** Entity -> API type: only fields listed here reach the graph. */
export const toOrderType = (e: OrderEntity): OrderType => ({
  id: e.id,
  customerId: e.customerId,
  total: e.total,
  currency: e.currency,
  channel: e.channel as SalesChannel,
  status: e.status as OrderStatus,
  occurredAt: e.occurredAt,
  sourceSystem: e.sourceSystem,
  externalId: e.externalId,
});

export const toOrderLineType = (e: OrderLineEntity): OrderLineType => ({
  sku: e.sku,
  quantity: e.quantity,
  unitPrice: e.unitPrice,
  lineTotal: e.lineTotal,
});
