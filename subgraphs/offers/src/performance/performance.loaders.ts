import DataLoader from 'dataloader';
import type { PerformanceRepository, PerformanceRow } from './performance.repository';

/** Per-request loaders: the response counts of every campaign asked for, in one statement. */
export function createPerformanceLoaders(performance: PerformanceRepository) {
  return {
    performanceRows: new DataLoader<string, PerformanceRow[]>(async (campaignIds) => {
      const rows = await performance.countsFor(campaignIds);
      const grouped = new Map<string, PerformanceRow[]>(campaignIds.map((id) => [id, []]));
      for (const row of rows) grouped.get(row.campaignId)?.push(row);
      return campaignIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type PerformanceLoaders = ReturnType<typeof createPerformanceLoaders>;
