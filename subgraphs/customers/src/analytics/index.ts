import type { DataSource } from 'typeorm';
import { readMinGroupSize } from '@c360/shared';
import { CustomerAggregateRepository } from './customer-aggregate.repository';
import { CustomerAggregateResolver } from './customer-aggregate.resolver';
import { CustomerAggregateService } from './customer-aggregate.service';

/** The BI aggregates of this subgraph, wired for one data source. */
export const createAnalyticsResolver = (dataSource: DataSource, minimumGroupSize = readMinGroupSize()) =>
  new CustomerAggregateResolver(new CustomerAggregateService(new CustomerAggregateRepository(dataSource), minimumGroupSize));
