import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { assertUuid } from '@c360/shared';
import { CampaignType } from '../campaign/campaign.type';
import type { OffersContext } from '../context';
import { isHeldOut } from './holdout';
import { toPerformance } from './performance.figures';
import { CampaignPerformance } from './performance.type';

@Resolver(() => CampaignType)
export class CampaignPerformanceResolver {
  @FieldResolver(() => CampaignPerformance, { description: 'Funnel, revenue, channels and uplift over the holdout, from recorded responses' })
  async performance(@Root() campaign: CampaignType, @Ctx() ctx: OffersContext): Promise<CampaignPerformance> {
    return toPerformance(await ctx.loaders.performanceRows.load(campaign.id), campaign.holdoutPercent);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the customer is in the holdout: first 4 bytes of sha256("<campaignId>:<customerId>:<holdoutSeed>") as an unsigned integer, mod 10000, < holdoutPercent × 100',
  })
  isHeldOut(@Root() campaign: CampaignType, @Arg('customerId', () => ID) customerId: string): boolean {
    return isHeldOut({ campaignId: campaign.id, holdoutPercent: campaign.holdoutPercent, holdoutSeed: campaign.holdoutSeed }, assertUuid(customerId, 'customerId'));
  }
}
