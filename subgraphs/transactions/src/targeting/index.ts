import type { DataSource } from 'typeorm';
import { CoPurchaseRepository } from './co-purchase.repository';
import { TargetingRepository } from './targeting.repository';
import { TargetingResolver } from './targeting.resolver';
import { TargetingService } from './targeting.service';

/** The internal offer-targeting contract of this subgraph, wired for one data source. */
export const createTargetingResolver = (dataSource: DataSource) => new TargetingResolver(new TargetingService(new TargetingRepository(dataSource), new CoPurchaseRepository(dataSource)));
