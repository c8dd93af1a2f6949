import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('Product', { description: 'A catalogue item with its live stock level' })
@Directive('@key(fields: "sku")')
export class ProductType {
  @Field()
  sku: string;

  @Field()
  name: string;

  @Field()
  category: string;

  @Field(() => Float)
  price: number;

  @Field({ description: 'ISO 4217 code of price' })
  currency: string;

  @Field(() => Int)
  stockLevel: number;

  @Field({ description: 'True when at least one unit is in stock' })
  inStock: boolean;
}
