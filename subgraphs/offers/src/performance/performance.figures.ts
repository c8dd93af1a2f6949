import { OfferChannel } from '../offer/offer.enums';
import { FUNNEL, OfferResponseType } from '../response/response.enums';
import type { PerformanceRow } from './performance.repository';
import type { CampaignChannelPerformance, CampaignFunnelStage, CampaignPerformance, CampaignUplift } from './performance.type';

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

interface Tally {
  customers: number;
  responses: number;
  revenue: number;
}
const NONE: Tally = { customers: 0, responses: 0, revenue: 0 };

/** Turns one campaign's released (noisy) counts into the published figures (formulas on the GraphQL types); rates are post-processing. */
export function toPerformance(rows: readonly PerformanceRow[], holdoutPercent: number, holdoutReleased: boolean): CampaignPerformance {
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
    attributedRevenue: treated(OfferResponseType.REDEEMED).revenue,
    byChannel,
    uplift: holdoutPercent > 0 && holdoutReleased ? upliftOf(rows, holdoutPercent, reach, conversionRate) : null,
  };
}

function upliftOf(rows: readonly PerformanceRow[], holdoutPercent: number, reach: number, treatedConversionRate: number | null): CampaignUplift {
  const held = (type: OfferResponseType) => rows.find((r) => r.group === 'HOLDOUT' && r.type === type && r.channel === null) ?? NONE;
  const holdoutReach = held(OfferResponseType.SHOWN).customers;
  const holdoutRedeemed = held(OfferResponseType.REDEEMED).customers;
  const holdoutConversionRate = ratio(holdoutRedeemed, holdoutReach);
  const absoluteUplift = treatedConversionRate !== null && holdoutConversionRate !== null ? treatedConversionRate - holdoutConversionRate : null;
  return {
    holdoutPercent,
    treatedConversionRate,
    holdoutReach,
    holdoutRedeemed,
    holdoutConversionRate,
    holdoutRevenue: held(OfferResponseType.REDEEMED).revenue,
    absoluteUplift,
    relativeUplift: absoluteUplift !== null && holdoutConversionRate ? absoluteUplift / holdoutConversionRate : null,
    incrementalRedemptions: absoluteUplift !== null ? absoluteUplift * reach : null,
  };
}
