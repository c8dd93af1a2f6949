import { answersNotFound, isVisible, visibleCustomers } from '@c360/shared';
import type { TransactionsContext } from '../context';
import type { OrderEntity } from './order.entity';
import { orderNotFound } from './order.errors';

/** An order the caller may reach: partners and self-service callers only reach their customers' orders. */
export async function findVisibleOrder(ctx: TransactionsContext, orderId: string, options: { notFoundError: boolean }): Promise<OrderEntity | null> {
  const entity = await ctx.loaders.orderById.load(orderId);
  const visible = entity && isVisible(await visibleCustomers(ctx), entity.customerId) ? entity : null;
  if (!visible && options.notFoundError && answersNotFound(ctx)) throw orderNotFound(orderId);
  return visible;
}
