import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { analyticsPopulation, profilingPopulation, RequiresScope } from '@c360/shared';
import type { CustomersContext } from '../context';
import { CustomerDimension } from './customer-dimension';
import { CustomerAggregate } from './customer-aggregate.type';
import { CustomerAggregateService } from './customer-aggregate.service';

/** BI reads aggregates, never rows: only customers whose consent covers analytics are counted. */
@Resolver()
export class CustomerAggregateResolver {
  constructor(private readonly service: CustomerAggregateService) {}

  @Query(() => CustomerAggregate, { nullable: true, description: 'Customer counts per group (analytics-consenting customers only, small groups suppressed)' })
  @RequiresScope('analytics:read')
  async customerCounts(@Arg('groupBy', () => CustomerDimension) groupBy: CustomerDimension, @Ctx() ctx: CustomersContext): Promise<CustomerAggregate> {
    const [population, profiled] = await Promise.all([analyticsPopulation(ctx), groupBy === CustomerDimension.SEGMENT ? profilingPopulation(ctx) : null]);
    return this.service.countBy(groupBy, population, profiled);
  }
}
