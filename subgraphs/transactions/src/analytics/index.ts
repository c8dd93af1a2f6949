import type { DataSource } from 'typeorm';
import { readMinGroupSize } from '@c360/shared';
import { RevenueAggregateRepository } from './revenue-aggregate.repository';
import { RevenueAggregateResolver } from './revenue-aggregate.resolver';
import { RevenueAggregateService } from './revenue-aggregate.service';

/** The BI aggregates of this subgraph, wired for one data source. */
export const createAnalyticsResolver = (dataSource: DataSource, minimumGroupSize = readMinGroupSize()) =>
  new RevenueAggregateResolver(new RevenueAggregateService(new RevenueAggregateRepository(dataSource), minimumGroupSize));
