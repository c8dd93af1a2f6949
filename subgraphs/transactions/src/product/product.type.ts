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

  @Field(() => Int, { description: 'Units available: the last ERP level plus movements and minus CRM sales since; never below 0' })
  stockLevel: number;

  @Field(() => Int, { description: 'The same count unclamped: below 0 when the CRM recorded more sales than the ERP last counted (oversold)' })
  stockBalance: number;

  @Field(() => Date, { nullable: true, description: 'When the last ERP stock level was counted; null until the ERP sends one' })
  stockAsOf: Date | null;

  @Field({ description: 'False once the ERP retired the product' })
  active: boolean;

  @Field({ description: 'True when the product is active and at least one unit is available' })
  inStock: boolean;
}
