import { Mutation, Resolver } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import { CustomerValueService } from './customer-value.service';
import { ValueRefreshType } from './value-refresh.type';

@Resolver(() => ValueRefreshType)
export class ValueRefreshResolver {
  constructor(private readonly service: CustomerValueService) {}

  @RequiresScope('orders:write')
  @Mutation(() => ValueRefreshType, { description: 'Recomputes every customer value and re-ranks the RFM quintiles, as of now, in one transaction' })
  refreshCustomerValues(): Promise<ValueRefreshType> {
    return this.service.refreshAll();
  }
}
