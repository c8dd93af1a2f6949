import type { DataSource } from 'typeorm';
import { CoPurchaseAnalysis } from './targeting/co-purchase.analysis';
import { CoPurchaseRepository } from './targeting/co-purchase.repository';
import { CustomerValueRepository } from './value/customer-value.repository';
import { CustomerValueService } from './value/customer-value.service';
import type { ValueSettings } from './value/value.settings';

/** The value analysis with everything a full refresh rebuilds alongside it: the one way to build it. */
export const createValueService = (dataSource: DataSource, settings: ValueSettings) =>
  new CustomerValueService(new CustomerValueRepository(dataSource), settings, [new CoPurchaseAnalysis(new CoPurchaseRepository(dataSource))]);
