import DataLoader from 'dataloader';
import type { AggregateReleaseSetup, Caller } from '@c360/shared';
import type { PerformanceRepository, PerformanceRow } from './performance.repository';
import { contributionBounds, PERFORMANCE_MEASURES, releaseOptions, releasePerformance, type ReleasedPerformance } from './performance.release';

/**
 * Per-request loaders: the figures of every campaign asked for, in one statement, after the
 * caller's budget paid ε per campaign (each campaign is one query); null for a campaign under k.
 */
export function createPerformanceLoaders(performance: PerformanceRepository, release: AggregateReleaseSetup, caller: Caller) {
  return {
    performanceRelease: new DataLoader<string, ReleasedPerformance | null>(async (campaignIds) => {
      await release.budget.spend(caller, campaignIds.length);
      const bounds = contributionBounds(release.policy);
      const [rows, options, optionRows] = await Promise.all([
        performance.countsFor(campaignIds, bounds),
        performance.optionsOf(campaignIds),
        performance.optionCountsFor(campaignIds, bounds.maxChannelsPerCustomer),
      ]);
      const grouped = new Map<string, PerformanceRow[]>(campaignIds.map((id) => [id, []]));
      for (const row of rows) grouped.get(row.campaignId)?.push(row);
      return campaignIds.map((id) => {
        const campaignRelease = release.policy.release(PERFORMANCE_MEASURES);
        const released = releasePerformance(id, grouped.get(id) ?? [], campaignRelease, bounds);
        if (!released) return null;
        const mine = <T extends { campaignId: string }>(list: readonly T[]) => list.filter((r) => r.campaignId === id);
        return { ...released, options: releaseOptions(mine(options), mine(optionRows), campaignRelease, bounds.maxChannelsPerCustomer) };
      });
    }),
  };
}

export type PerformanceLoaders = ReturnType<typeof createPerformanceLoaders>;
