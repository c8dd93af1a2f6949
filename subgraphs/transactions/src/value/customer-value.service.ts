import type { CustomerValueRepository } from './customer-value.repository';
import type { ValueSettings } from './value.settings';

/** What one full refresh did. */
export interface FullValueRefresh {
  /** Customers with a completed purchase: one value row each. */
  customersValued: number;
  /** Customers with RFM scores (a purchase in the window). */
  customersScored: number;
  durationMs: number;
  refreshedAt: Date;
}

/** An analysis over the whole order base that is rebuilt with each full refresh (e.g. co-purchases). */
export interface DerivedAnalysis {
  rebuild(asOf: Date, windowDays: number): Promise<void>;
}

/**
 * When the value analysis is recomputed. A full refresh re-ranks the whole base (on demand,
 * after demo seeding, at boot if never done); an order change refreshes only that customer's
 * metrics and places them against the quintiles of the last full refresh (scoresAsOf).
 */
export class CustomerValueService {
  constructor(
    private readonly values: CustomerValueRepository,
    private readonly settings: Pick<ValueSettings, 'windowDays'>,
    private readonly derived: readonly DerivedAnalysis[] = [],
  ) {}

  /** Values of the whole base, then the analyses derived from the same window; durationMs covers both. */
  async refreshAll(asOf = new Date()): Promise<FullValueRefresh> {
    const started = performance.now();
    const result = await this.values.refreshAll(asOf, this.settings.windowDays);
    for (const analysis of this.derived) await analysis.rebuild(asOf, this.settings.windowDays);
    return { ...result, durationMs: Math.round(performance.now() - started), refreshedAt: asOf };
  }

  async refreshCustomers(customerIds: readonly string[], asOf = new Date()): Promise<void> {
    if (customerIds.length > 0) await this.values.refreshSome(customerIds, asOf, this.settings.windowDays);
  }

  /** A database that had orders before the value analysis existed gets its first values at boot. */
  async refreshIfNeverRefreshed(): Promise<void> {
    if (!(await this.values.hasEverRefreshed())) await this.refreshAll();
  }
}
