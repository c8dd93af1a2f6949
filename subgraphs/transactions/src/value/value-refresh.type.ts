import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ValueRefresh', { description: 'The outcome of a full customer value refresh' })
export class ValueRefreshType {
  @Field(() => Int, { description: 'Customers with a completed purchase: one value row each' })
  customersValued: number;

  @Field(() => Int, { description: 'Customers with RFM scores (a purchase in the window)' })
  customersScored: number;

  @Field(() => Int)
  durationMs: number;

  @Field(() => Date)
  refreshedAt: Date;
}
