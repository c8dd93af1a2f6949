import DataLoader from 'dataloader';
import type { AggregateReleaseSetup, Caller } from '@c360/shared';
import type { PerformanceRepository, PerformanceRow } from './performance.repository';
import { contributionBounds, PERFORMANCE_MEASURES, releasePerformance, type ReleasedPerformance } from './performance.release';

/**
 * Per-request loaders: the figures of every campaign asked for, in one statement, after the
 * caller's budget paid ε per campaign (each campaign is one query); null for a campaign under k.
 */
export function createPerformanceLoaders(performance: PerformanceRepository, release: AggregateReleaseSetup, caller: Caller) {
  return {
    performanceRelease: new DataLoader<string, ReleasedPerformance | null>(async (campaignIds) => {
      await release.budget.spend(caller, campaignIds.length);
      const bounds = contributionBounds(release.policy);
      const rows = await performance.countsFor(campaignIds, bounds);
      const grouped = new Map<string, PerformanceRow[]>(campaignIds.map((id) => [id, []]));
      for (const row of rows) grouped.get(row.campaignId)?.push(row);
      return campaignIds.map((id) => releasePerformance(id, grouped.get(id) ?? [], release.policy.release(PERFORMANCE_MEASURES), bounds));
    }),
  };
}

export type PerformanceLoaders = ReturnType<typeof createPerformanceLoaders>;
