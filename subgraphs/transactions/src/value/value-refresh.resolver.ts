import { Mutation, Resolver } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import { CustomerValueService } from './customer-value.service';
import { ValueRefreshType } from './value-refresh.type';

@Resolver(() => ValueRefreshType)
export class ValueRefreshResolver {
  constructor(private readonly service: CustomerValueService) {}

  // It scans the whole customer base: an administrator's job, never an ingest token's (ERP holds orders:write).
  @RequiresScope('privacy:admin')
  @Mutation(() => ValueRefreshType, { description: 'Admin (privacy:admin): recomputes every customer value and re-ranks the RFM quintiles, as of now, in one transaction' })
  refreshCustomerValues(): Promise<ValueRefreshType> {
    return this.service.refreshAll();
  }
}
