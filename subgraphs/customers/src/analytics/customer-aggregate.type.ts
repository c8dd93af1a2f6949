import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PrivacyBudgetType } from '@c360/shared';
import { CustomerDimension } from './customer-dimension';

@ObjectType({ description: 'One group of customers whose true and noisy counts reached minimumGroupSize' })
export class AggregateBucket {
  @Field()
  key!: string;

  @Field(() => Int, { description: 'Customers in the group plus two-sided geometric noise (never negative)' })
  customers!: number;
}

@ObjectType({
  description:
    'Noisy customer counts per group, over customers whose consent covers analytics; a group whose true or noisy count is under minimumGroupSize is left out, key included (README: BI and aggregates)',
})
export class CustomerAggregate {
  @Field(() => CustomerDimension)
  dimension!: CustomerDimension;

  @Field(() => Int, { description: 'k: groups whose true or noisy count is smaller are suppressed (BI_MIN_GROUP_SIZE)' })
  minimumGroupSize!: number;

  @Field(() => Int, { description: 'Sum of the listed (noisy) buckets; for SEGMENT, where a customer can be in several, a count of memberships' })
  countedCustomers!: number;

  @Field(() => Int, { description: 'How many groups were left out for a true or noisy count under minimumGroupSize' })
  suppressedGroups!: number;

  @Field(() => [AggregateBucket])
  buckets!: AggregateBucket[];

  @Field(() => Float, { description: 'ε this query spent (AGGREGATE_EPSILON_PER_QUERY)' })
  epsilon!: number;

  @Field(() => PrivacyBudgetType, { description: "The caller's customerCounts budget after this query" })
  privacyBudget!: PrivacyBudgetType;
}
