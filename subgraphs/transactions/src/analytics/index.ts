import type { DataSource } from 'typeorm';
import { createAggregateRelease, type NoiseSource } from '@c360/shared';
import { RevenueAggregateRepository } from './revenue-aggregate.repository';
import { RevenueAggregateResolver } from './revenue-aggregate.resolver';
import { RevenueAggregateService } from './revenue-aggregate.service';

/** The BI aggregates of this subgraph, wired for one data source; the budget ledger is transactions.privacy_budget_spend. */
export const createAnalyticsResolver = (dataSource: DataSource, noise?: NoiseSource, release = createAggregateRelease(dataSource, 'transactions', noise)) =>
  new RevenueAggregateResolver(new RevenueAggregateService(new RevenueAggregateRepository(dataSource), release));
