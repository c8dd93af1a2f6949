import { badInput } from '@c360/shared';
import type { RevenueAggregateRepository, RevenueQuery } from './revenue-aggregate.repository';
import type { RevenueAggregate } from './revenue-aggregate.type';
import { suppressSmallGroups } from '@c360/shared';

export class RevenueAggregateService {
  constructor(
    private readonly repository: RevenueAggregateRepository,
    private readonly minimumGroupSize: number,
  ) {}

  async revenueBy(query: RevenueQuery): Promise<RevenueAggregate> {
    if (query.from && query.to && query.from > query.to) throw badInput('"from" must not be after "to"', { argument: 'from' });
    const { shown, suppressed } = suppressSmallGroups(await this.repository.revenueBy(query), this.minimumGroupSize);
    return { dimension: query.dimension, minimumGroupSize: this.minimumGroupSize, suppressedGroups: suppressed, buckets: shown };
  }
}
