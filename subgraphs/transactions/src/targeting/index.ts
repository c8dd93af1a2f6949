import type { DataSource } from 'typeorm';
import { TargetingRepository } from './targeting.repository';
import { TargetingResolver } from './targeting.resolver';
import { TargetingService } from './targeting.service';

/** The internal offer-targeting contract of this subgraph, wired for one data source. */
export const createTargetingResolver = (dataSource: DataSource, windowDays: number) => new TargetingResolver(new TargetingService(new TargetingRepository(dataSource), windowDays));
