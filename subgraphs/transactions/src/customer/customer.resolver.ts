import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertUuid, PersonalData, PersonalDataCategory, RequiresScope } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { OrderConnection } from '../order/order.resolver';
import { CustomerRef } from './customer.type';
import { PurchaseSummaryType } from './purchase-summary.type';

/** The purchase fields this subgraph adds to the customers subgraph's Customer. */
@Resolver(() => CustomerRef)
export class CustomerPurchasesResolver {
  @FieldResolver(() => OrderConnection, { nullable: true, description: 'Orders of every status, newest first' })
  @RequiresScope('orders:read')
  @PersonalData(PersonalDataCategory.FINANCIAL)
  orders(
    @Root() customer: CustomerRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: TransactionsContext,
  ): Promise<OrderConnection> {
    return ctx.loaders.orderHistory.load({ parentId: assertUuid(customer.id), first, after });
  }

  @FieldResolver(() => PurchaseSummaryType, { nullable: true })
  @RequiresScope('orders:read')
  @PersonalData(PersonalDataCategory.FINANCIAL)
  purchaseSummary(@Root() customer: CustomerRef, @Ctx() ctx: TransactionsContext): Promise<PurchaseSummaryType> {
    return ctx.loaders.purchaseSummary.load(assertUuid(customer.id));
  }
}
