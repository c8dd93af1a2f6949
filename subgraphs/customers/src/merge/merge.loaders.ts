import DataLoader from 'dataloader';
import type { MergeService } from './merge.service';

/** Per-request: the survivor a retired customer id resolves to (null when the id is not retired). */
export function createMergeLoaders(merges: MergeService) {
  return {
    survivorOf: new DataLoader<string, string | null>(async (ids) => {
      const survivors = await merges.survivorsOf(ids);
      return ids.map((id) => survivors.get(id) ?? null);
    }),
  };
}

export type MergeLoaders = ReturnType<typeof createMergeLoaders>;
