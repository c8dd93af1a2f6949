import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, PrivacyBudgetType, RequiresScope, type PrivacyBudget } from '@c360/shared';
import { CampaignType } from '../campaign/campaign.type';
import type { OffersContext } from '../context';
import { isHeldOut } from './holdout';
import { toPerformance } from './performance.figures';
import { CampaignPerformance } from './performance.type';

@Resolver(() => CampaignType)
export class CampaignPerformanceResolver {
  constructor(private readonly budget: PrivacyBudget) {}

  @FieldResolver(() => CampaignPerformance, {
    nullable: true,
    description:
      "Funnel, revenue, channels and uplift over the holdout, from recorded responses, through the aggregate release policy (noise on every figure; spends epsilon per campaign from the caller's daily campaignPerformance budget). Null when the true or noisy reach is under k (BI_MIN_GROUP_SIZE)",
  })
  async performance(@Root() campaign: CampaignType, @Ctx() ctx: OffersContext): Promise<CampaignPerformance | null> {
    const released = await ctx.loaders.performanceRelease.load(campaign.id);
    return released && { ...toPerformance(released.rows, campaign.holdoutPercent, released.holdoutReleased, released.noise), byOption: released.options };
  }

  @Query(() => PrivacyBudgetType, { description: "The caller's privacy budget for campaign performance today (UTC); reading it spends nothing" })
  @RequiresScope('offers:read')
  campaignPerformancePrivacyBudget(@Ctx() ctx: OffersContext): Promise<PrivacyBudgetType> {
    return this.budget.read(ctx.caller);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the customer is in the holdout: first 4 bytes of sha256("<campaignId>:<customerId>:<holdoutSeed>") as an unsigned integer, mod 10000, < holdoutPercent × 100',
  })
  isHeldOut(@Root() campaign: CampaignType, @Arg('customerId', () => ID) customerId: string): boolean {
    return isHeldOut({ campaignId: campaign.id, holdoutPercent: campaign.holdoutPercent, holdoutSeed: campaign.holdoutSeed }, assertUuid(customerId, 'customerId'));
  }
}
