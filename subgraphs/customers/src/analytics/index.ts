import type { DataSource } from 'typeorm';
import { createAggregateRelease, type NoiseSource } from '@c360/shared';
import { CustomerAggregateRepository } from './customer-aggregate.repository';
import { CustomerAggregateResolver } from './customer-aggregate.resolver';
import { CustomerAggregateService } from './customer-aggregate.service';

/** The BI aggregates of this subgraph, wired for one data source; the budget ledger is customers.privacy_budget_spend. */
export const createAnalyticsResolver = (dataSource: DataSource, noise?: NoiseSource, release = createAggregateRelease(dataSource, 'customers', noise)) =>
  new CustomerAggregateResolver(new CustomerAggregateService(new CustomerAggregateRepository(dataSource), release));
