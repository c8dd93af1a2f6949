import { Field, Int, ObjectType } from 'type-graphql';
import { CustomerDimension } from './customer-dimension';

@ObjectType({ description: 'One group of customers at least minimumGroupSize large' })
export class AggregateBucket {
  @Field()
  key!: string;

  @Field(() => Int)
  customers!: number;
}

@ObjectType({ description: 'Customer counts per group, over customers whose consent covers analytics; groups smaller than minimumGroupSize are left out' })
export class CustomerAggregate {
  @Field(() => CustomerDimension)
  dimension!: CustomerDimension;

  @Field(() => Int, { description: 'k: smaller groups are suppressed (BI_MIN_GROUP_SIZE)' })
  minimumGroupSize!: number;

  @Field(() => Int, { description: 'Sum of the listed buckets (suppressed groups excluded); for SEGMENT, where a customer can be in several, a count of memberships' })
  countedCustomers!: number;

  @Field(() => Int, { description: 'How many groups were left out for being smaller than minimumGroupSize' })
  suppressedGroups!: number;

  @Field(() => [AggregateBucket])
  buckets!: AggregateBucket[];
}
