import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

/** Internal feed-integrity answer about an order an offer redemption names. */
@ObjectType({ description: 'Whether an order can back a redemption by the claimed customer' })
@Directive('@inaccessible')
export class RedemptionOrderType {
  @Field(() => ID)
  orderId: string;

  @Field(() => String, { description: 'COMPLETED, NOT_COMPLETED, OTHER_CUSTOMER or NOT_FOUND' })
  verdict: string;

  @Field(() => Float, { nullable: true, description: "The order's total; only for an order of the claimed customer" })
  total: number | null;
}
