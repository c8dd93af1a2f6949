import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RevenueDimension } from './revenue-dimension';

@ObjectType({ description: 'Completed orders of one group in one currency, from at least minimumGroupSize customers' })
export class RevenueBucket {
  @Field()
  key!: string;

  @Field(() => Int, { description: 'Distinct customers' })
  customers!: number;

  @Field(() => Int)
  orders!: number;

  @Field(() => Float)
  revenue!: number;

  @Field()
  currency!: string;
}

@ObjectType({ description: 'Revenue per group, over customers whose consent covers analytics; groups with fewer than minimumGroupSize customers are left out' })
export class RevenueAggregate {
  @Field(() => RevenueDimension)
  dimension!: RevenueDimension;

  @Field(() => Int, { description: 'k: groups with fewer distinct customers are suppressed (BI_MIN_GROUP_SIZE)' })
  minimumGroupSize!: number;

  @Field(() => Int, { description: 'How many (key, currency) groups were left out for having fewer than minimumGroupSize customers' })
  suppressedGroups!: number;

  @Field(() => [RevenueBucket])
  buckets!: RevenueBucket[];
}
