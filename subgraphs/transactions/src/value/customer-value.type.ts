import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LifecycleStage, RfmSegment } from './value.enums';

@ObjectType('RfmAnalysis', {
  description: 'Recency, frequency and monetary value of completed orders over the analysis window; scores 1–5 by quintile across the customer base',
})
export class RfmAnalysisType {
  @Field(() => Int, { description: 'The window frequency and monetary are counted over' })
  windowDays: number;

  @Field(() => Int, { nullable: true, description: 'Whole days since the last completed purchase; null for a prospect' })
  recencyDays: number | null;

  @Field(() => Int, { description: 'Completed orders in the window' })
  frequency: number;

  @Field(() => Float, { description: 'Sum of completed order totals in the window, in the main currency' })
  monetary: number;

  @Field(() => Int, { nullable: true, description: '5 = most recent fifth; null without a purchase in the window. Equal values share the lower score' })
  recencyScore: number | null;

  @Field(() => Int, { nullable: true })
  frequencyScore: number | null;

  @Field(() => Int, { nullable: true })
  monetaryScore: number | null;

  @Field(() => RfmSegment, { nullable: true, description: 'Null for a prospect, or a buyer not scored since the first full refresh' })
  segment: RfmSegment | null;

  @Field(() => Date, {
    nullable: true,
    description: "The full refresh whose quintiles scored this customer: a customer's own orders update their metrics at once, the quintiles only on a full refresh",
  })
  scoresAsOf: Date | null;
}

@ObjectType('LifetimeValue')
export class LifetimeValueType {
  @Field(() => Int, { description: 'Completed orders ever' })
  orderCount: number;

  @Field(() => Float, { description: 'Sum of completed order totals ever' })
  historical: number;

  @Field(() => Float)
  averageOrderValue: number;

  @Field(() => Float, {
    description: 'Expected future spend: average order value × purchases per year (the window run rate) × expected remaining lifetime in years (from the base retention rate)',
  })
  predicted: number;
}

@ObjectType('CustomerValue', { description: 'Value analysis from completed orders, in the customer\'s main currency' })
export class CustomerValueType {
  @Field(() => String, { nullable: true, description: 'Null for a prospect' })
  currency: string | null;

  @Field(() => LifecycleStage, { nullable: true, description: 'Null only when scoring is withheld' })
  lifecycleStage: LifecycleStage | null;

  @Field(() => RfmAnalysisType, { nullable: true, description: 'Null only when scoring is withheld' })
  rfm: RfmAnalysisType | null;

  @Field(() => LifetimeValueType, { nullable: true, description: 'Null only when scoring is withheld' })
  lifetimeValue: LifetimeValueType | null;

  @Field(() => Float, {
    nullable: true,
    description: '0–1: 1 − exp(−days since last purchase / own mean days between purchases, or the base median for one-order customers). Null for a prospect',
  })
  churnRisk: number | null;

  @Field(() => Boolean, { description: 'True when the customer has not consented to profiling: every score is then null' })
  scoringWithheld: boolean;

  @Field(() => Date, { description: "When this value was computed (a prospect's: the last full refresh)" })
  refreshedAt: Date;
}
