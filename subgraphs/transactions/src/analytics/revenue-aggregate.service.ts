import { assertWholeDayWindow, type AggregateReleaseSetup, type Caller } from '@c360/shared';
import type { RevenueAggregateRepository, RevenueQuery } from './revenue-aggregate.repository';
import type { RevenueAggregate, RevenueBucket } from './revenue-aggregate.type';

/** Each (key, currency) group publishes three measures: customers, orders and revenue. */
const MEASURES = 3;

export class RevenueAggregateService {
  constructor(
    private readonly repository: RevenueAggregateRepository,
    private readonly release: AggregateReleaseSetup,
  ) {}

  async revenueBy(caller: Caller, query: RevenueQuery): Promise<RevenueAggregate> {
    assertWholeDayWindow(query.from, query.to);
    const { policy, budget } = this.release;
    const privacyBudget = await budget.spend(caller);
    const { maxGroupsPerCustomer: groups, maxEventsPerCustomer, maxAmountPerCustomer } = policy.settings;
    const rows = await this.repository.revenueBy(query, { maxGroupsPerCustomer: groups, maxOrdersPerCustomer: maxEventsPerCustomer, maxAmountPerCustomer });
    const release = policy.release(MEASURES);
    const noisy = rows.map(
      (g): RevenueBucket & { exact: number } => ({
        exact: g.customers,
        key: g.key,
        currency: g.currency,
        customers: release.count(g.customers, { groups, perGroup: 1 }),
        orders: release.count(g.orders, { groups, perGroup: maxEventsPerCustomer }),
        revenue: release.amount(g.revenue, groups),
      }),
    );
    const shown = noisy.filter((g) => release.releasable(g.exact, g.customers)).map(({ exact: _exact, ...bucket }) => bucket);
    return { dimension: query.dimension, minimumGroupSize: policy.minimumGroupSize, suppressedGroups: noisy.length - shown.length, buckets: shown, epsilon: policy.settings.epsilonPerQuery, privacyBudget };
  }

  readBudget(caller: Caller) {
    return this.release.budget.read(caller);
  }
}
