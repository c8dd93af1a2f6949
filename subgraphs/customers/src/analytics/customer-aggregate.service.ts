import type { AggregateReleaseSetup, Caller } from '@c360/shared';
import { CustomerDimension } from './customer-dimension';
import type { CustomerAggregateRepository } from './customer-aggregate.repository';
import type { CustomerAggregate } from './customer-aggregate.type';

export class CustomerAggregateService {
  constructor(
    private readonly repository: CustomerAggregateRepository,
    private readonly release: AggregateReleaseSetup,
  ) {}

  /** `population`: who may be counted (analytics consent); `profiled`: who may be grouped by segment (profiling consent); null means everyone. */
  async countBy(caller: Caller, dimension: CustomerDimension, population: string[] | null, profiled: string[] | null): Promise<CustomerAggregate> {
    const { policy, budget } = this.release;
    const privacyBudget = await budget.spend(caller);
    const bySegment = dimension === CustomerDimension.SEGMENT;
    const maxGroups = policy.settings.maxGroupsPerCustomer;
    const groups = bySegment ? await this.repository.countBySegment(population, profiled, maxGroups) : await this.repository.countBy(dimension, population);
    // Other dimensions partition the customers (one group each); segments overlap, up to maxGroups each.
    const release = policy.release(1);
    const noisy = groups.map((g) => ({ key: g.key, exact: g.customers, customers: release.count(g.customers, { groups: bySegment ? maxGroups : 1, perGroup: 1 }) }));
    const shown = noisy.filter((g) => release.releasable(g.exact, g.customers)).map(({ key, customers }) => ({ key, customers }));
    return {
      dimension,
      minimumGroupSize: policy.minimumGroupSize,
      countedCustomers: shown.reduce((sum, g) => sum + g.customers, 0),
      suppressedGroups: noisy.length - shown.length,
      buckets: shown,
      epsilon: policy.settings.epsilonPerQuery,
      privacyBudget,
    };
  }

  readBudget(caller: Caller) {
    return this.release.budget.read(caller);
  }
}
