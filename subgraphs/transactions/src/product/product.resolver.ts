import { Arg, Ctx, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ConnectionType } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { toProductType } from './product.mapper';
import { ProductService } from './product.service';
import { ProductType } from './product.type';

@ObjectType()
export class ProductConnection extends ConnectionType(ProductType, 'Product') {}

@Resolver(() => ProductType)
export class ProductResolver {
  constructor(private readonly service: ProductService) {}

  @Query(() => ProductType, { nullable: true, description: 'A product by sku; null when there is none' })
  async product(@Arg('sku') sku: string, @Ctx() ctx: TransactionsContext): Promise<ProductType | null> {
    const entity = await ctx.loaders.productBySku.load(sku);
    return entity && toProductType(entity);
  }

  @Query(() => ProductConnection, { nullable: true, description: 'The catalogue in sku order' })
  products(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('category', () => String, { nullable: true }) category: string | null,
    @Arg('inStock', () => Boolean, { nullable: true, description: 'true: only active products with stock; false: only sold-out or retired ones' }) inStock: boolean | null,
    @Arg('active', () => Boolean, { nullable: true, description: 'true: only active products; false: only retired ones' }) active: boolean | null,
  ): Promise<ProductConnection> {
    return this.service.list({ first, after, category, inStock, active });
  }
}
