import DataLoader from 'dataloader';
import type { CustomerValueRow } from '../value/customer-value.repository';
import type { CustomerFiguresRepository } from './customer-figures.repository';
import type { PurchaseSummaryRow } from './purchase-summary.repository';

type Part = 'summary' | 'value';
interface FigureKey {
  part: Part;
  customerId: string;
}

/**
 * Per request: the purchase summary and value loaders read their rows through one batch, so a
 * page asking both for its customers costs one statement, not two. Dispatched one macrotask
 * later than a plain DataLoader, so the two loaders' batches (each dispatched on its own tick)
 * reach it together.
 */
export function createCustomerFigureRows(figures: CustomerFiguresRepository) {
  const rows = new DataLoader<FigureKey, PurchaseSummaryRow | CustomerValueRow | null, string>(
    async (keys) => {
      const idsOf = (part: Part) => [...new Set(keys.filter((k) => k.part === part).map((k) => k.customerId))];
      const { summaries, values } = await figures.read(idsOf('summary'), idsOf('value'));
      const summaryOf = new Map(summaries.map((s) => [s.customerId, s]));
      const valueOf = new Map(values.map((v) => [v.customerId, v]));
      return keys.map((k) => (k.part === 'summary' ? summaryOf : valueOf).get(k.customerId) ?? null);
    },
    { cacheKeyFn: (k) => `${k.part}|${k.customerId}`, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
  const load = async <T>(part: Part, customerIds: readonly string[]): Promise<T[]> => {
    const loaded = await rows.loadMany(customerIds.map((customerId) => ({ part, customerId })));
    return loaded.map((row) => {
      if (row instanceof Error) throw row;
      return row as T;
    });
  };
  return {
    /** Rows only for customers with completed orders, like PurchaseSummaryRepository.summaries. */
    async summaries(customerIds: readonly string[]): Promise<PurchaseSummaryRow[]> {
      return (await load<PurchaseSummaryRow | null>('summary', customerIds)).filter((s): s is PurchaseSummaryRow => s !== null);
    },
    /** One row per id, like CustomerValueRepository.values. */
    values: (customerIds: readonly string[]) => load<CustomerValueRow>('value', customerIds),
  };
}
