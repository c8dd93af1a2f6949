import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PrivacyBudgetType } from '@c360/shared';
import { RevenueDimension } from './revenue-dimension';

@ObjectType({ description: 'Completed orders of one group in one currency whose true and noisy customer counts reached minimumGroupSize; every figure carries noise' })
export class RevenueBucket {
  @Field()
  key!: string;

  @Field(() => Int, { description: 'Distinct customers, plus noise' })
  customers!: number;

  @Field(() => Int, { description: 'Orders, at most AGGREGATE_MAX_EVENTS_PER_CUSTOMER per customer, plus noise' })
  orders!: number;

  @Field(() => Float, { description: 'Revenue, at most AGGREGATE_MAX_AMOUNT_PER_CUSTOMER per customer, plus noise (whole cents)' })
  revenue!: number;

  @Field()
  currency!: string;
}

@ObjectType({
  description:
    'Noisy revenue per group, over customers whose consent covers analytics; a group whose true or noisy customer count is under minimumGroupSize is left out, key included (README: BI and aggregates)',
})
export class RevenueAggregate {
  @Field(() => RevenueDimension)
  dimension!: RevenueDimension;

  @Field(() => Int, { description: 'k: groups with a smaller true or noisy customer count are suppressed (BI_MIN_GROUP_SIZE)' })
  minimumGroupSize!: number;

  @Field(() => Int, { description: 'How many (key, currency) groups were left out for a true or noisy customer count under minimumGroupSize' })
  suppressedGroups!: number;

  @Field(() => [RevenueBucket])
  buckets!: RevenueBucket[];

  @Field(() => Float, { description: 'ε this query spent (AGGREGATE_EPSILON_PER_QUERY)' })
  epsilon!: number;

  @Field(() => PrivacyBudgetType, { description: "The caller's revenue budget after this query" })
  privacyBudget!: PrivacyBudgetType;
}
