import type { DataSource } from 'typeorm';
import { PeriodicJob } from '@c360/shared';
import { CoPurchaseAnalysis } from './targeting/co-purchase.analysis';
import { CoPurchaseRepository } from './targeting/co-purchase.repository';
import { CustomerValueRepository } from './value/customer-value.repository';
import { CustomerValueService } from './value/customer-value.service';
import type { ValueSettings } from './value/value.settings';

/** The value analysis with everything a full refresh rebuilds alongside it: the one way to build it. */
export const createValueService = (dataSource: DataSource, settings: Pick<ValueSettings, 'windowDays'>) =>
  new CustomerValueService(new CustomerValueRepository(dataSource), settings, [new CoPurchaseAnalysis(new CoPurchaseRepository(dataSource))]);

/** The whole base refreshed every TRANSACTIONS_VALUE_REFRESH_HOURS (0: never on a timer). */
export const valueRefreshJob = (values: CustomerValueService, settings: Pick<ValueSettings, 'refreshHours'>) =>
  new PeriodicJob('transactions value refresh', settings.refreshHours * 3_600_000, async () => {
    const result = await values.refreshAll();
    return `${result.customersValued} customers valued, ${result.customersScored} scored, in ${result.durationMs} ms`;
  });
