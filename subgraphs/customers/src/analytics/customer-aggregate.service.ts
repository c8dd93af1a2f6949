import { CustomerDimension } from './customer-dimension';
import type { CustomerAggregateRepository } from './customer-aggregate.repository';
import type { CustomerAggregate } from './customer-aggregate.type';
import { suppressSmallGroups } from './small-groups';

export class CustomerAggregateService {
  constructor(
    private readonly repository: CustomerAggregateRepository,
    private readonly minimumGroupSize: number,
  ) {}

  async countBy(dimension: CustomerDimension, population: string[] | null): Promise<CustomerAggregate> {
    const { shown, suppressed } = suppressSmallGroups(await this.repository.countBy(dimension, population), this.minimumGroupSize);
    return {
      dimension,
      minimumGroupSize: this.minimumGroupSize,
      countedCustomers: shown.reduce((sum, g) => sum + g.customers, 0),
      suppressedGroups: suppressed,
      buckets: shown,
    };
  }
}
