import DataLoader from 'dataloader';
import { TIME_ID_CURSOR, createChildPageLoader } from '@c360/shared';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';
import { toOrderType } from './order.mapper';
import type { OrderRepository } from './order.repository';
import type { OrderType } from './order.type';

/** Per-request loaders: one SQL statement per batch, results in key order. */
export function createOrderLoaders(orders: OrderRepository) {
  return {
    orderById: new DataLoader<string, OrderEntity | null>(async (ids) => {
      const rows = await orders.findByIds(ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    linesByOrder: new DataLoader<string, OrderLineEntity[]>(async (ids) => {
      const grouped = new Map<string, OrderLineEntity[]>(ids.map((id) => [id, []]));
      for (const line of await orders.linesOf(ids)) grouped.get(line.orderId)?.push(line);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    /** Customer.orders: newest first, keyset on (occurredAt, id). */
    orderHistory: createChildPageLoader<OrderEntity, OrderType>({
      fetch: (customerIds, size, after) => orders.histories(customerIds, size, after),
      parentOf: (row) => row.customerId,
      cursorKeyOf: (row) => [row.occurredAt.toISOString(), row.id],
      cursorShape: TIME_ID_CURSOR,
      cursorList: 'Customer.orders',
      toNode: toOrderType,
    }),
  };
}

export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
