import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { analyticsPopulation, PrivacyBudgetType, profilingPopulation, RequiresScope } from '@c360/shared';
import type { CustomersContext } from '../context';
import { CustomerDimension } from './customer-dimension';
import { CustomerAggregate } from './customer-aggregate.type';
import { CustomerAggregateService } from './customer-aggregate.service';

/** BI reads aggregates, never rows: only customers whose consent covers analytics are counted, through the aggregate release policy. */
@Resolver()
export class CustomerAggregateResolver {
  constructor(private readonly service: CustomerAggregateService) {}

  @Query(() => CustomerAggregate, {
    nullable: true,
    description: 'Noisy customer counts per group (analytics-consenting customers only; groups under k suppressed); spends epsilon from the caller\'s daily customerCounts budget',
  })
  @RequiresScope('analytics:read')
  async customerCounts(@Arg('groupBy', () => CustomerDimension) groupBy: CustomerDimension, @Ctx() ctx: CustomersContext): Promise<CustomerAggregate> {
    const [population, profiled] = await Promise.all([analyticsPopulation(ctx), groupBy === CustomerDimension.SEGMENT ? profilingPopulation(ctx) : null]);
    return this.service.countBy(ctx.caller, groupBy, population, profiled);
  }

  @Query(() => PrivacyBudgetType, { description: "The caller's privacy budget for customerCounts today (UTC); reading it spends nothing" })
  @RequiresScope('analytics:read')
  customerCountsPrivacyBudget(@Ctx() ctx: CustomersContext): Promise<PrivacyBudgetType> {
    return this.service.readBudget(ctx.caller);
  }
}
