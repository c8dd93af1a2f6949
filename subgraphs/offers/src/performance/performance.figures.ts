import { OfferChannel } from '../offer/offer.enums';
import { FUNNEL, OfferResponseType } from '../response/response.enums';
import { CONFIDENCE_LEVEL, differenceInterval, meanDifferenceInterval, minimumSamplePerArm, revenuePerCustomer, smallSample, twoProportionPValue, wilsonInterval, type ArmCounts, type Interval } from './campaign-statistics';
import type { ReleaseNoise } from './performance.release';
import type { PerformanceRow } from './performance.repository';
import { CampaignStatisticsWarning, type CampaignArm, type CampaignChannelPerformance, type CampaignFunnelStage, type CampaignPerformance, type CampaignUplift } from './performance.type';

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

interface Tally {
  customers: number;
  responses: number;
  revenue: number;
}
const NONE: Tally = { customers: 0, responses: 0, revenue: 0 };

/** Turns one campaign's released (noisy) counts into the published figures (formulas on the GraphQL types); rates are post-processing. */
export function toPerformance(rows: readonly PerformanceRow[], holdoutPercent: number, holdoutReleased: boolean, noise: ReleaseNoise): Omit<CampaignPerformance, 'byOption'> {
  const tally = (group: string, type: OfferResponseType, channel: string | null = null): Tally =>
    rows.find((r) => r.group === group && r.type === type && r.channel === channel) ?? NONE;
  const treated = (type: OfferResponseType) => tally('TREATED', type);
  const reach = treated(OfferResponseType.SHOWN).customers;

  const stage = (type: OfferResponseType, previous: OfferResponseType | null): CampaignFunnelStage => {
    const { customers, responses } = treated(type);
    return { type, customers, responses, rateFromPrevious: previous ? ratio(customers, treated(previous).customers) : null, rateOfReach: ratio(customers, reach) };
  };
  const [shown, clicked, accepted, redeemed] = FUNNEL.map((type, i) => stage(type, i === 0 ? null : FUNNEL[i - 1]));
  const conversionRate = ratio(redeemed.customers, reach);

  const channels = Object.values(OfferChannel).filter((channel) => rows.some((r) => r.group === 'TREATED' && r.channel === channel));
  const byChannel = channels.map((channel): CampaignChannelPerformance => {
    const of = (type: OfferResponseType) => tally('TREATED', type, channel);
    const channelReach = of(OfferResponseType.SHOWN).customers;
    return {
      channel,
      reach: channelReach,
      clicked: of(OfferResponseType.CLICKED).customers,
      accepted: of(OfferResponseType.ACCEPTED).customers,
      redeemed: of(OfferResponseType.REDEEMED).customers,
      declined: of(OfferResponseType.DECLINED).customers,
      conversionRate: ratio(of(OfferResponseType.REDEEMED).customers, channelReach),
      attributedRevenue: of(OfferResponseType.REDEEMED).revenue,
    };
  });

  return {
    reach,
    shown,
    clicked,
    accepted,
    redeemed,
    declined: stage(OfferResponseType.DECLINED, null),
    conversionRate,
    conversionInterval: wilsonInterval(redeemed.customers, reach, noise.customerCountSd),
    attributedRevenue: treated(OfferResponseType.REDEEMED).revenue,
    byChannel,
    uplift: holdoutPercent > 0 && holdoutReleased ? upliftOf(rows, holdoutPercent, noise) : null,
  };
}

const armCounts = (rows: readonly PerformanceRow[], group: string, noise: ReleaseNoise): ArmCounts => {
  const all = (type: OfferResponseType) => rows.find((r) => r.group === group && r.type === type && r.channel === null) ?? NONE;
  return {
    reach: all(OfferResponseType.SHOWN).customers,
    converted: all(OfferResponseType.REDEEMED).customers,
    revenue: all(OfferResponseType.REDEEMED).revenue,
    countNoiseSd: noise.customerCountSd,
    revenueNoiseSd: noise.revenueSd,
    maxRevenuePerCustomer: noise.maxRevenuePerCustomer,
  };
};

function toArm(arm: ArmCounts): CampaignArm {
  const revenue = revenuePerCustomer(arm);
  return {
    reach: arm.reach,
    redeemed: arm.converted,
    conversionRate: ratio(arm.converted, arm.reach),
    conversionInterval: wilsonInterval(arm.converted, arm.reach, arm.countNoiseSd),
    revenue: arm.revenue,
    revenuePerCustomer: revenue?.mean ?? null,
    revenuePerCustomerInterval: revenue?.interval ?? null,
  };
}

/** Conversion and revenue of both arms with intervals, the uplift's interval, its p-value and how much sample it would take. */
function upliftOf(rows: readonly PerformanceRow[], holdoutPercent: number, noise: ReleaseNoise): CampaignUplift {
  const treatedCounts = armCounts(rows, 'TREATED', noise);
  const heldCounts = armCounts(rows, 'HOLDOUT', noise);
  const [treated, holdout] = [toArm(treatedCounts), toArm(heldCounts)];
  const treatedConversionRate = treated.conversionRate;
  const holdoutConversionRate = holdout.conversionRate;
  const absoluteUplift = treatedConversionRate !== null && holdoutConversionRate !== null ? treatedConversionRate - holdoutConversionRate : null;
  const revenueT = revenuePerCustomer(treatedCounts);
  const revenueH = revenuePerCustomer(heldCounts);
  const minimum = treatedConversionRate !== null && holdoutConversionRate !== null ? minimumSamplePerArm(treatedConversionRate, holdoutConversionRate) : null;
  const warnings: CampaignStatisticsWarning[] = [];
  if (smallSample(treatedCounts) || smallSample(heldCounts)) warnings.push(CampaignStatisticsWarning.SMALL_SAMPLE);
  if (minimum !== null && Math.min(treated.reach, holdout.reach) < minimum) warnings.push(CampaignStatisticsWarning.UNDERPOWERED);
  return {
    holdoutPercent,
    treatedConversionRate,
    holdoutReach: holdout.reach,
    holdoutRedeemed: holdout.redeemed,
    holdoutConversionRate,
    holdoutRevenue: holdout.revenue,
    absoluteUplift,
    relativeUplift: absoluteUplift !== null && holdoutConversionRate ? absoluteUplift / holdoutConversionRate : null,
    incrementalRedemptions: absoluteUplift !== null ? absoluteUplift * treated.reach : null,
    confidenceLevel: CONFIDENCE_LEVEL,
    treated,
    holdout,
    absoluteUpliftInterval: absoluteUplift !== null ? differenceInterval(treatedConversionRate!, treated.conversionInterval as Interval, holdoutConversionRate!, holdout.conversionInterval as Interval) : null,
    pValue: twoProportionPValue(treatedCounts, heldCounts),
    revenuePerCustomerUplift: revenueT && revenueH ? revenueT.mean - revenueH.mean : null,
    revenuePerCustomerUpliftInterval: revenueT && revenueH ? meanDifferenceInterval(revenueT, revenueH) : null,
    minimumSamplePerArm: minimum,
    warnings,
  };
}
