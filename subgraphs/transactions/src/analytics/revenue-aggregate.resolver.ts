import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { analyticsPopulation, profilingPopulation } from '@c360/shared';
import { RevenueAggregate } from './revenue-aggregate.type';
import { RevenueAggregateService } from './revenue-aggregate.service';
import { RevenueDimension, SCORE_DIMENSIONS } from './revenue-dimension';

/** BI reads aggregates, never rows: only customers whose consent covers analytics are counted. */
@Resolver()
export class RevenueAggregateResolver {
  constructor(private readonly service: RevenueAggregateService) {}

  @Query(() => RevenueAggregate, { nullable: true, description: 'Revenue of COMPLETED orders per group and currency, occurredAt in [from, to) (analytics-consenting customers only, small groups suppressed)' })
  @RequiresScope('analytics:read')
  async revenue(
    @Arg('groupBy', () => RevenueDimension) groupBy: RevenueDimension,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: TransactionsContext,
  ): Promise<RevenueAggregate> {
    const [onlyIds, profiled] = await Promise.all([analyticsPopulation(ctx), SCORE_DIMENSIONS.has(groupBy) ? profilingPopulation(ctx) : null]);
    return this.service.revenueBy({ dimension: groupBy, onlyIds, profiled, from: from ?? null, to: to ?? null });
  }
}
