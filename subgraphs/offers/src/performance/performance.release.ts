import type { AggregateRelease, AggregateReleasePolicy } from '@c360/shared';
import { OfferChannel } from '../offer/offer.enums';
import { OfferResponseType } from '../response/response.enums';
import type { CampaignOptionPerformance } from './option-performance.type';
import type { CampaignOption, OptionPerformanceRow, PerformanceRow, ResponseGroup, ResponseContributionBounds } from './performance.repository';

/**
 * Values one customer can move in the published figures: over all channels, customers and
 * responses per type (10) and REDEEMED revenue (1); per channel, customers per type (5) and
 * REDEEMED revenue (1), in up to maxChannels channels; per ADAPTIVE option, customers naming it
 * and those of them per CLICKED, ACCEPTED, REDEEMED and DECLINED (5), in up to maxGroups options.
 * Treated and held-out customers are disjoint, so the holdout's figures reuse the same shares
 * (parallel composition).
 */
export const PERFORMANCE_MEASURES = 22;

const OPTION_TYPES = [OfferResponseType.CLICKED, OfferResponseType.ACCEPTED, OfferResponseType.REDEEMED, OfferResponseType.DECLINED] as const;

/**
 * The funnel per ADAPTIVE option through the same release: every option of the design gets noise
 * (so an option's presence says nothing), and only options whose true and noisy customers reach k
 * are published, in design order.
 */
export function releaseOptions(options: readonly CampaignOption[], rows: readonly OptionPerformanceRow[], release: AggregateRelease, maxOptionsPerCustomer: number): CampaignOptionPerformance[] {
  const contribution = { groups: maxOptionsPerCustomer, perGroup: 1 };
  const released: CampaignOptionPerformance[] = [];
  for (const option of options) {
    const exact = (type: string | null) => rows.find((r) => r.offerId === option.offerId && r.optionKey === option.optionKey && r.type === type)?.customers ?? 0;
    const customers = release.count(exact(null), contribution);
    const [clicked, accepted, redeemed, declined] = OPTION_TYPES.map((type) => release.count(exact(type), contribution));
    if (release.releasable(exact(null), customers)) released.push({ offerId: option.offerId, optionKey: option.optionKey, customers, clicked, accepted, redeemed, declined });
  }
  return released;
}

const GROUPS: ResponseGroup[] = ['TREATED', 'HOLDOUT'];
const CHANNELS: (string | null)[] = [null, ...Object.values(OfferChannel)];

/** What the statistics need to know about the release: the noise on each all-channel figure, and the revenue bound. */
export interface ReleaseNoise {
  customerCountSd: number;
  revenueSd: number;
  maxRevenuePerCustomer: number;
}

export interface ReleasedPerformance {
  rows: PerformanceRow[];
  /** The funnel per ADAPTIVE option (only options at or above k). */
  options: CampaignOptionPerformance[];
  /** The holdout's noisy reach reached k: uplift may be published. */
  holdoutReleased: boolean;
  noise: ReleaseNoise;
}

export const contributionBounds = (policy: AggregateReleasePolicy): ResponseContributionBounds => ({
  maxChannelsPerCustomer: policy.settings.maxGroupsPerCustomer,
  maxResponsesPerCustomer: policy.settings.maxEventsPerCustomer,
  maxRevenuePerCustomer: policy.settings.maxAmountPerCustomer,
});

/**
 * One campaign's figures through the release policy: every cell of the fixed grid (group × type ×
 * channel, empty ones included, so a cell's presence says nothing) gets noise; null when the
 * treated group's reach (exact or noisy) is under k; channels and the holdout under k are left out.
 */
export function releasePerformance(campaignId: string, rows: readonly PerformanceRow[], release: AggregateRelease, bounds: ResponseContributionBounds): Omit<ReleasedPerformance, 'options'> | null {
  const exact = (group: ResponseGroup, type: string, channel: string | null) => rows.find((r) => r.group === group && r.type === type && r.channel === channel);
  const noisy: PerformanceRow[] = [];
  for (const group of GROUPS)
    for (const type of Object.values(OfferResponseType))
      for (const channel of CHANNELS) {
        const row = exact(group, type, channel);
        const groups = channel === null ? 1 : bounds.maxChannelsPerCustomer;
        noisy.push({
          campaignId,
          group,
          type,
          channel,
          customers: release.count(row?.customers ?? 0, { groups, perGroup: 1 }),
          // Per-channel responses are never published, so they spend nothing.
          responses: channel === null ? release.count(row?.responses ?? 0, { groups: 1, perGroup: bounds.maxResponsesPerCustomer }) : 0,
          revenue: type === OfferResponseType.REDEEMED ? release.amount(row?.revenue ?? 0, groups) : 0,
        });
      }
  const reachOf = (from: readonly PerformanceRow[], group: ResponseGroup, channel: string | null) =>
    from.find((r) => r.group === group && r.type === OfferResponseType.SHOWN && r.channel === channel)?.customers ?? 0;
  const releasable = (group: ResponseGroup, channel: string | null) => release.releasable(reachOf(rows, group, channel), reachOf(noisy, group, channel));
  if (!releasable('TREATED', null)) return null;
  const hiddenChannels = new Set(CHANNELS.filter((c) => c !== null && !releasable('TREATED', c)));
  const holdoutReleased = releasable('HOLDOUT', null);
  const noise: ReleaseNoise = { customerCountSd: release.countNoiseSd({ groups: 1, perGroup: 1 }), revenueSd: release.amountNoiseSd(1), maxRevenuePerCustomer: bounds.maxRevenuePerCustomer };
  return {
    noise,
    rows: noisy.filter((r) => (r.channel === null || (r.group === 'TREATED' && !hiddenChannels.has(r.channel))) && (r.group === 'TREATED' || holdoutReleased)),
    holdoutReleased,
  };
}
