import { Arg, Mutation, Resolver } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import { ProductUpsertInput } from './catalogue.input';
import { CatalogueService } from './catalogue.service';
import { UpsertProductsResultType } from './catalogue.type';

@Resolver()
export class CatalogueResolver {
  constructor(private readonly service: CatalogueService) {}

  @Mutation(() => UpsertProductsResultType, {
    description: 'Creates or updates catalogue items from the ERP, all or nothing; sending the same items again reports them UNCHANGED. New products have no stock until setStockLevels',
  })
  @RequiresScope('catalogue:write')
  upsertProducts(@Arg('inputs', () => [ProductUpsertInput]) inputs: ProductUpsertInput[]): Promise<UpsertProductsResultType> {
    return this.service.upsert(inputs);
  }
}
