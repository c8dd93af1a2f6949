import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('PurchaseSummary', {
  description: "Completed orders only, in the customer's main currency (the one most of their completed orders use)",
})
export class PurchaseSummaryType {
  @Field(() => Int)
  orderCount: number;

  @Field(() => Float)
  totalSpend: number;

  @Field(() => String, { nullable: true, description: 'Null when the customer has no completed orders' })
  currency: string | null;

  @Field(() => Date, { nullable: true })
  firstPurchaseAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastPurchaseAt: Date | null;
}
