import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TransactionsContext } from '../context';
import { toProductType } from '../product/product.mapper';
import { ProductType } from '../product/product.type';
import { OrderLineType } from './order.type';

@Resolver(() => OrderLineType)
export class OrderLineResolver {
  @FieldResolver(() => ProductType, { nullable: true, description: 'The catalogue entry, with its current (not historic) price and stock' })
  async product(@Root() line: OrderLineType, @Ctx() ctx: TransactionsContext): Promise<ProductType | null> {
    const entity = await ctx.loaders.productBySku.load(line.sku);
    return entity && toProductType(entity);
  }
}
