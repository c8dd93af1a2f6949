import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { analyticsPopulation, PrivacyBudgetType, profilingPopulation, RequiresScope } from '@c360/shared';
import type { TransactionsContext } from '../context';
import { RevenueAggregate } from './revenue-aggregate.type';
import { RevenueAggregateService } from './revenue-aggregate.service';
import { RevenueDimension, SCORE_DIMENSIONS } from './revenue-dimension';

/** BI reads aggregates, never rows: only customers whose consent covers analytics are counted, through the aggregate release policy. */
@Resolver()
export class RevenueAggregateResolver {
  constructor(private readonly service: RevenueAggregateService) {}

  @Query(() => RevenueAggregate, {
    nullable: true,
    description:
      "Noisy revenue of COMPLETED orders per group and currency, occurredAt in [from, to) where both are midnight UTC (analytics-consenting customers only, groups under k suppressed); spends epsilon from the caller's daily revenue budget",
  })
  @RequiresScope('analytics:read')
  async revenue(
    @Arg('groupBy', () => RevenueDimension) groupBy: RevenueDimension,
    @Arg('from', () => Date, { nullable: true, description: 'Midnight UTC (whole days only), inclusive' }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Midnight UTC (whole days only), exclusive' }) to: Date | null,
    @Ctx() ctx: TransactionsContext,
  ): Promise<RevenueAggregate> {
    const [onlyIds, profiled] = await Promise.all([analyticsPopulation(ctx), SCORE_DIMENSIONS.has(groupBy) ? profilingPopulation(ctx) : null]);
    return this.service.revenueBy(ctx.caller, { dimension: groupBy, onlyIds, profiled, from: from ?? null, to: to ?? null });
  }

  @Query(() => PrivacyBudgetType, { description: "The caller's privacy budget for revenue today (UTC); reading it spends nothing" })
  @RequiresScope('analytics:read')
  revenuePrivacyBudget(@Ctx() ctx: TransactionsContext): Promise<PrivacyBudgetType> {
    return this.service.readBudget(ctx.caller);
  }
}
