import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LifecycleStage } from './lifecycle-stage.enum';

@ObjectType('FrequencyCap', { description: 'At most maxExposures SHOWN responses per customer within the last withinDays days' })
export class FrequencyCapType {
  @Field(() => Int)
  maxExposures: number;

  @Field(() => Int)
  withinDays: number;
}

@ObjectType('OfferTargeting', {
  description:
    'Who may get the offer; every rule given must hold, an empty list or null threshold is no rule. Lifecycle and value rules need the customer\'s PROFILING consent: without it the value is withheld and the rule does not match',
})
export class OfferTargetingType {
  @Field(() => [ID], { description: 'Any-of: the customer is in at least one of these segments (customers subgraph). Empty for a self-service (CUSTOMER) caller: an offer never tells a customer which segments it targets' })
  segmentIds: string[];

  @Field(() => [LifecycleStage], { description: 'Any-of: the customer is in one of these lifecycle stages' })
  lifecycleStages: LifecycleStage[];

  @Field(() => Float, { nullable: true, description: 'RFM monetary (completed spend in the value window) at least this' })
  minMonetary: number | null;

  @Field(() => Float, { nullable: true, description: 'Predicted lifetime value at least this' })
  minPredictedValue: number | null;

  @Field(() => Float, { nullable: true, description: 'Churn risk (0–1) at most this; a customer without a churn risk (prospect) does not match' })
  maxChurnRisk: number | null;

  @Field(() => FrequencyCapType, { nullable: true })
  frequencyCap: FrequencyCapType | null;
}
