import { Field, Float, Int, ObjectType } from 'type-graphql';
import { OfferChannel } from '../offer/offer.enums';
import { OfferResponseType } from '../response/response.enums';

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

  @Field(() => Float, { description: 'Sum of revenue of the treated REDEEMED responses' })
  attributedRevenue: number;

  @Field(() => [CampaignChannelPerformance], { description: 'Channels whose true and noisy treated reach are at least k, in OfferChannel order' })
  byChannel: CampaignChannelPerformance[];

  @Field(() => CampaignUplift, { nullable: true, description: 'Null when the campaign has no holdout (holdoutPercent 0) or its true or noisy holdout reach is under k' })
  uplift: CampaignUplift | null;
}
