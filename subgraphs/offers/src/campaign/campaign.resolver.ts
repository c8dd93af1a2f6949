import { Arg, Ctx, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { assertUuid, ConnectionType, RequiresScope } from '@c360/shared';
import type { OffersContext } from '../context';
import { CampaignStatus } from './campaign.enums';
import { campaignNotFound } from './campaign.errors';
import { CreateCampaignInput } from './campaign.input';
import { toCampaignType } from './campaign.mapper';
import { CampaignService } from './campaign.service';
import { CampaignType } from './campaign.type';

@ObjectType()
export class CampaignConnection extends ConnectionType(CampaignType, 'Campaign') {}

@Resolver(() => CampaignType)
export class CampaignResolver {
  constructor(private readonly service: CampaignService) {}

  @Query(() => CampaignType, { nullable: true, description: 'A campaign by id; null when there is none' })
  @RequiresScope('offers:read')
  async campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: OffersContext): Promise<CampaignType | null> {
    const entity = await ctx.loaders.campaignById.load(assertUuid(id));
    return entity && toCampaignType(entity);
  }

  @Query(() => CampaignConnection, { nullable: true, description: 'Campaigns, oldest first' })
  @RequiresScope('offers:read')
  campaigns(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => CampaignStatus, { nullable: true }) status: CampaignStatus | null,
  ): Promise<CampaignConnection> {
    return this.service.list(first, after, status);
  }

  @Mutation(() => CampaignType)
  @RequiresScope('offers:write')
  async createCampaign(@Arg('input', () => CreateCampaignInput) input: CreateCampaignInput, @Ctx() ctx: OffersContext): Promise<CampaignType> {
    return this.loadAfterWrite(await this.service.create(input), ctx);
  }

  @Mutation(() => CampaignType, { description: 'DRAFT -> ACTIVE | COMPLETED; ACTIVE <-> PAUSED; either -> COMPLETED (final)' })
  @RequiresScope('offers:write')
  async setCampaignStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => CampaignStatus) status: CampaignStatus,
    @Ctx() ctx: OffersContext,
  ): Promise<CampaignType> {
    const campaignId = assertUuid(id);
    await this.service.setStatus(campaignId, status);
    return this.loadAfterWrite(campaignId, ctx);
  }

  private async loadAfterWrite(id: string, ctx: OffersContext): Promise<CampaignType> {
    ctx.loaders.campaignById.clear(id);
    const entity = await ctx.loaders.campaignById.load(id);
    if (!entity) throw campaignNotFound(id);
    return toCampaignType(entity);
  }
}
