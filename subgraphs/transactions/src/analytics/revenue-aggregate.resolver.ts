import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { analyticsPopulation } from './analytics-population';
import { RevenueAggregate } from './revenue-aggregate.type';
import { RevenueAggregateService } from './revenue-aggregate.service';
import { RevenueDimension } from './revenue-dimension';

/** BI reads aggregates, never rows: only customers whose consent covers analytics are counted. */
@Resolver()
export class RevenueAggregateResolver {
  constructor(private readonly service: RevenueAggregateService) {}

  @Query(() => RevenueAggregate, { description: 'Revenue of COMPLETED orders per group and currency, occurredAt in [from, to) (analytics-consenting customers only, small groups suppressed)' })
  @RequiresScope('analytics:read')
  async revenue(
    @Arg('groupBy', () => RevenueDimension) groupBy: RevenueDimension,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: TransactionsContext,
  ): Promise<RevenueAggregate> {
    return this.service.revenueBy({ dimension: groupBy, onlyIds: await analyticsPopulation(ctx), from: from ?? null, to: to ?? null });
  }
}
