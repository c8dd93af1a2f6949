import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, ConnectionType, PersonalData, PersonalDataCategory, RequiresScope } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { CustomerRef } from '../customer/customer.type';
import { OrderStatus } from './order.enums';
import { findVisibleOrder } from './order.lookup';
import { orderNotFound } from './order.errors';
import { RecordOrderInput } from './order.input';
import { toOrderLineType, toOrderType } from './order.mapper';
import { OrderService } from './order.service';
import { OrderLineType, OrderType } from './order.type';

@ObjectType()
export class OrderConnection extends ConnectionType(OrderType, 'Order') {}

@Resolver(() => OrderType)
export class OrderResolver {
  constructor(private readonly service: OrderService) {}

  @Query(() => OrderType, { nullable: true, description: 'An order by id; null when there is none' })
  @RequiresScope('orders:read')
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: TransactionsContext): Promise<OrderType | null> {
    const entity = await findVisibleOrder(ctx, assertUuid(id), { notFoundError: true });
    return entity && toOrderType(entity);
  }

  @FieldResolver(() => CustomerRef)
  customer(@Root() order: OrderType): CustomerRef {
    return { id: order.customerId };
  }

  @FieldResolver(() => [OrderLineType], { nullable: true })
  @PersonalData(PersonalDataCategory.FINANCIAL)
  async lines(@Root() order: OrderType, @Ctx() ctx: TransactionsContext): Promise<OrderLineType[]> {
    return (await ctx.loaders.linesByOrder.load(order.id)).map(toOrderLineType);
  }

  @Mutation(() => OrderType, {
    description: 'Records an order, all or nothing: a sale the source system accepted, never refused for stock; it takes its units from stock when dated after the last ERP count. Replaying the same sourceSystem + externalId returns the recorded order',
  })
  @RequiresScope('orders:write')
  async recordOrder(@Arg('input', () => RecordOrderInput) input: RecordOrderInput): Promise<OrderType> {
    return toOrderType(await this.service.record(input));
  }

  @Mutation(() => OrderType, { description: 'Refunds (stock unchanged) or cancels (units back in stock) a completed order' })
  @RequiresScope('orders:write')
  async setOrderStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => OrderStatus) status: OrderStatus,
    @Ctx() ctx: TransactionsContext,
  ): Promise<OrderType> {
    const orderId = assertUuid(id);
    await this.service.setStatus(orderId, status);
    ctx.loaders.orderById.clear(orderId);
    const entity = await ctx.loaders.orderById.load(orderId);
    if (!entity) throw orderNotFound(orderId);
    return toOrderType(entity);
  }
}
