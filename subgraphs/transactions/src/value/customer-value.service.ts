import type { CustomerValueRepository } from './customer-value.repository';
import type { ValueRefreshType } from './value-refresh.type';
import type { ValueSettings } from './value.settings';

/**
 * When the value analysis is recomputed. A full refresh re-ranks the whole base (on demand,
 * after demo seeding, at boot if never done); an order change refreshes only that customer's
 * metrics and places them against the quintiles of the last full refresh (scoresAsOf).
 */
export class CustomerValueService {
  constructor(
    private readonly values: CustomerValueRepository,
    private readonly settings: ValueSettings,
  ) {}

  async refreshAll(asOf = new Date()): Promise<ValueRefreshType> {
    const result = await this.values.refreshAll(asOf, this.settings.windowDays);
    return { ...result, refreshedAt: asOf };
  }

  async refreshCustomers(customerIds: readonly string[], asOf = new Date()): Promise<void> {
    if (customerIds.length > 0) await this.values.refreshSome(customerIds, asOf, this.settings.windowDays);
  }

  /** A database that had orders before the value analysis existed gets its first values at boot. */
  async refreshIfNeverRefreshed(): Promise<void> {
    if (!(await this.values.hasEverRefreshed())) await this.refreshAll();
  }
}
