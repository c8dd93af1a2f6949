import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OfferChannel } from '../offer/offer.enums';
import { OfferResponseType } from '../response/response.enums';
import { CampaignOptionPerformance } from './option-performance.type';

@ObjectType('CampaignFunnelStage', { description: 'One response type of the treated group: distinct customers and events' })
export class CampaignFunnelStage {
  @Field(() => OfferResponseType)
  type: OfferResponseType;

  @Field(() => Int, { description: 'Distinct customers with at least one response of this type' })
  customers: number;

  @Field(() => Int, { description: 'Responses of this type (a customer may respond more than once)' })
  responses: number;

  @Field(() => Float, { nullable: true, description: 'customers / customers of the previous stage (SHOWN -> CLICKED -> ACCEPTED -> REDEEMED); null for SHOWN and DECLINED or when the previous stage is 0' })
  rateFromPrevious: number | null;

  @Field(() => Float, { nullable: true, description: 'customers / reach; null when reach is 0' })
  rateOfReach: number | null;
}

@ObjectType('CampaignChannelPerformance', { description: 'The treated group per response channel; customers are distinct within the channel' })
export class CampaignChannelPerformance {
  @Field(() => OfferChannel)
  channel: OfferChannel;

  @Field(() => Int, { description: 'Distinct customers SHOWN through this channel' })
  reach: number;

  @Field(() => Int)
  clicked: number;

  @Field(() => Int)
  accepted: number;

  @Field(() => Int)
  redeemed: number;

  @Field(() => Int)
  declined: number;

  @Field(() => Float, { nullable: true, description: 'redeemed / reach within the channel; null when reach is 0' })
  conversionRate: number | null;

  @Field(() => Float, { description: 'Sum of revenue of REDEEMED responses through this channel' })
  attributedRevenue: number;
}

export enum CampaignStatisticsWarning {
  SMALL_SAMPLE = 'SMALL_SAMPLE',
  UNDERPOWERED = 'UNDERPOWERED',
}
registerEnumType(CampaignStatisticsWarning, {
  name: 'CampaignStatisticsWarning',
  valuesConfig: {
    SMALL_SAMPLE: { description: 'An arm has fewer than 5 conversions or non-conversions: the normal approximations behind pValue are unreliable' },
    UNDERPOWERED: { description: 'An arm is smaller than minimumSamplePerArm: a difference of the observed size would usually go undetected' },
  },
});

@ObjectType('ConfidenceInterval', { description: '95% two-sided confidence interval; it includes the variance of the release noise, not only sampling variance' })
export class ConfidenceInterval {
  @Field(() => Float)
  low: number;

  @Field(() => Float)
  high: number;
}

@ObjectType('CampaignArm', { description: 'One arm of the campaign (treated or held out): distinct customers SHOWN (for the holdout: the suppressed exposure) and REDEEMED, and their revenue' })
export class CampaignArm {
  @Field(() => Int)
  reach: number;

  @Field(() => Int)
  redeemed: number;

  @Field(() => Float, { nullable: true, description: 'redeemed / reach; null when reach is 0' })
  conversionRate: number | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: 'Wilson score interval of conversionRate (on the effective sample size once the noise variance is added)' })
  conversionInterval: ConfidenceInterval | null;

  @Field(() => Float)
  revenue: number;

  @Field(() => Float, { nullable: true, description: 'revenue / reach; null when reach is 0' })
  revenuePerCustomer: number | null;

  @Field(() => ConfidenceInterval, {
    nullable: true,
    description: 'Conservative interval: one customer\'s revenue is bounded by the release policy (AGGREGATE_MAX_AMOUNT_PER_CUSTOMER), so its variance is at most m(M − m) (Bhatia–Davis)',
  })
  revenuePerCustomerInterval: ConfidenceInterval | null;
}

@ObjectType('CampaignUplift', {
  description: 'Treated vs holdout. Each group\'s conversion = distinct customers REDEEMED / distinct customers SHOWN; for held-out customers SHOWN records the suppressed exposure',
})
export class CampaignUplift {
  @Field(() => Float)
  holdoutPercent: number;

  @Field(() => Float, { nullable: true, description: 'The campaign conversionRate' })
  treatedConversionRate: number | null;

  @Field(() => Int, { description: 'Distinct held-out customers with a (suppressed) SHOWN' })
  holdoutReach: number;

  @Field(() => Int, { description: 'Distinct held-out customers with a REDEEMED (organic redemptions)' })
  holdoutRedeemed: number;

  @Field(() => Float, { nullable: true, description: 'holdoutRedeemed / holdoutReach; null when holdoutReach is 0' })
  holdoutConversionRate: number | null;

  @Field(() => Float, { description: 'Sum of revenue of the held-out customers\' REDEEMED responses' })
  holdoutRevenue: number;

  @Field(() => Float, { nullable: true, description: 'treatedConversionRate - holdoutConversionRate (a fraction, not percentage points); null when either is null' })
  absoluteUplift: number | null;

  @Field(() => Float, { nullable: true, description: 'absoluteUplift / holdoutConversionRate; null when the holdout converted no one' })
  relativeUplift: number | null;

  @Field(() => Float, { nullable: true, description: 'absoluteUplift × reach: redemptions the campaign caused beyond what would have happened anyway' })
  incrementalRedemptions: number | null;

  @Field(() => Float, { description: 'Confidence level of every interval here (0.95)' })
  confidenceLevel: number;

  @Field(() => CampaignArm)
  treated: CampaignArm;

  @Field(() => CampaignArm)
  holdout: CampaignArm;

  @Field(() => ConfidenceInterval, { nullable: true, description: "Newcombe's hybrid score interval of absoluteUplift; an interval containing 0 means no evidence of an effect" })
  absoluteUpliftInterval: ConfidenceInterval | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided p-value of the two-proportion z-test (pooled) of treated vs holdout conversion, noise variance included' })
  pValue: number | null;

  @Field(() => Float, { nullable: true, description: 'treated.revenuePerCustomer − holdout.revenuePerCustomer' })
  revenuePerCustomerUplift: number | null;

  @Field(() => ConfidenceInterval, { nullable: true })
  revenuePerCustomerUpliftInterval: ConfidenceInterval | null;

  @Field(() => Int, { nullable: true, description: 'Customers per arm needed to detect a difference of the observed size (two-sided 5% test, 80% power); null when the arms do not differ' })
  minimumSamplePerArm: number | null;

  @Field(() => [CampaignStatisticsWarning])
  warnings: CampaignStatisticsWarning[];
}

@ObjectType('CampaignPerformance', {
  description:
    'How the campaign did, from its offers\' responses, released through the aggregate release policy: every count and sum carries two-sided geometric noise and each customer\'s contribution is bounded (README: BI and aggregates); rates are computed from the noisy counts. Figures are for the treated group (customers not held out); held-out customers only feed `uplift`. Stages count distinct customers per response type, independently of each other',
})
export class CampaignPerformance {
  @Field(() => Int, { description: 'Distinct treated customers with at least one SHOWN' })
  reach: number;

  @Field(() => CampaignFunnelStage)
  shown: CampaignFunnelStage;

  @Field(() => CampaignFunnelStage)
  clicked: CampaignFunnelStage;

  @Field(() => CampaignFunnelStage)
  accepted: CampaignFunnelStage;

  @Field(() => CampaignFunnelStage)
  redeemed: CampaignFunnelStage;

  @Field(() => CampaignFunnelStage)
  declined: CampaignFunnelStage;

  @Field(() => Float, { nullable: true, description: 'redeemed.customers / reach; null when reach is 0' })
  conversionRate: number | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: 'Wilson score interval of conversionRate, noise variance included; null when reach is 0' })
  conversionInterval: ConfidenceInterval | null;

  @Field(() => Float, { description: 'Sum of revenue of the treated REDEEMED responses' })
  attributedRevenue: number;

  @Field(() => [CampaignChannelPerformance], { description: 'Channels whose true and noisy treated reach are at least k, in OfferChannel order' })
  byChannel: CampaignChannelPerformance[];

  @Field(() => CampaignUplift, { nullable: true, description: 'Null when the campaign has no holdout (holdoutPercent 0) or its true or noisy holdout reach is under k' })
  uplift: CampaignUplift | null;

  @Field(() => [CampaignOptionPerformance], {
    description: "The funnel per option of the campaign's ADAPTIVE offers (responses recorded with an optionKey), options whose true and noisy customers are at least k, in design order",
  })
  byOption: CampaignOptionPerformance[];
}
