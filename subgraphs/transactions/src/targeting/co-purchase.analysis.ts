import type { DerivedAnalysis } from '../value/customer-value.service';
import type { CoPurchaseRepository } from './co-purchase.repository';

const DAY_MS = 86_400_000;
/** A pair seen in a single order says nothing about taste. */
export const MIN_ORDERS_TOGETHER = 2;
/** Strongest "also bought" skus kept per bought sku: bounds the answer whatever the catalogue. */
export const CO_PURCHASES_PER_SKU = 5;

/** Co-purchase statistics over the value window, rebuilt with each full value refresh. */
export class CoPurchaseAnalysis implements DerivedAnalysis {
  constructor(private readonly coPurchases: CoPurchaseRepository) {}

  rebuild(asOf: Date, windowDays: number): Promise<void> {
    return this.coPurchases.rebuild({ since: new Date(asOf.getTime() - windowDays * DAY_MS), minTogether: MIN_ORDERS_TOGETHER, perSku: CO_PURCHASES_PER_SKU });
  }
}
