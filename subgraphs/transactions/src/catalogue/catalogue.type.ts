import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CatalogueChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(CatalogueChange, { name: 'CatalogueChange', description: 'What an upsert did to one product' });

@ObjectType('ProductUpsertOutcome')
export class ProductUpsertOutcomeType {
  @Field()
  sku: string;

  @Field(() => CatalogueChange)
  change: CatalogueChange;
}

@ObjectType('UpsertProductsResult')
export class UpsertProductsResultType {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => [ProductUpsertOutcomeType], { description: 'One per input, in input order' })
  products: ProductUpsertOutcomeType[];
}
