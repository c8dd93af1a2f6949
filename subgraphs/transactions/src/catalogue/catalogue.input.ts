import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'One catalogue item as the ERP knows it; sending the same item again changes nothing' })
export class ProductUpsertInput {
  @Field()
  sku: string;

  @Field()
  name: string;

  @Field()
  category: string;

  @Field(() => Float, { description: 'Unit price, at most two decimals; a change applies to orders from now on' })
  price: number;

  @Field({ description: 'ISO 4217 code of price, e.g. EUR' })
  currency: string;

  @Field({ defaultValue: true, description: 'False retires the product: it is never offered, and orders already recorded keep it' })
  active: boolean;
}
