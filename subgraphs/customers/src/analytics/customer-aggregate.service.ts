import { CustomerDimension } from './customer-dimension';
import type { CustomerAggregateRepository } from './customer-aggregate.repository';
import type { CustomerAggregate } from './customer-aggregate.type';
import { suppressSmallGroups } from '@c360/shared';

export class CustomerAggregateService {
  constructor(
    private readonly repository: CustomerAggregateRepository,
    private readonly minimumGroupSize: number,
  ) {}

  /** `population`: who may be counted (analytics consent); `profiled`: who may be grouped by segment (profiling consent); null means everyone. */
  async countBy(dimension: CustomerDimension, population: string[] | null, profiled: string[] | null): Promise<CustomerAggregate> {
    const groups =
      dimension === CustomerDimension.SEGMENT ? await this.repository.countBySegment(population, profiled) : await this.repository.countBy(dimension, population);
    const { shown, suppressed } = suppressSmallGroups(groups, this.minimumGroupSize);
    return {
      dimension,
      minimumGroupSize: this.minimumGroupSize,
      countedCustomers: shown.reduce((sum, g) => sum + g.customers, 0),
      suppressedGroups: suppressed,
      buckets: shown,
    };
  }
}
