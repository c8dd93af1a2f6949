import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, ConnectionType, RequiresScope } from '@c360/shared';
import { campaignNotFound } from '../campaign/campaign.errors';
import { toCampaignType } from '../campaign/campaign.mapper';
import { CampaignType } from '../campaign/campaign.type';
import type { OffersContext } from '../context';
import { ProductRef } from '../product/product-ref.type';
import { OfferChannel, OfferStatus } from './offer.enums';
import { offerNotFound } from './offer.errors';
import { CreateOfferInput } from './offer.input';
import { OfferTargetingInput } from './offer-targeting.input';
import { toOfferType } from './offer.mapper';
import { OfferService } from './offer.service';
import { OfferType } from './offer.type';

@ObjectType()
export class OfferConnection extends ConnectionType(OfferType, 'Offer') {}

@Resolver(() => OfferType)
export class OfferResolver {
  constructor(private readonly service: OfferService) {}

  @Query(() => OfferType, { nullable: true, description: 'An offer by id; null when there is none' })
  @RequiresScope('offers:read')
  async offer(@Arg('id', () => ID) id: string, @Ctx() ctx: OffersContext): Promise<OfferType | null> {
    const entity = await ctx.loaders.offerById.load(assertUuid(id));
    return entity && toOfferType(entity);
  }

  @Query(() => OfferConnection, { nullable: true, description: 'Offers, oldest first; all given filters must hold' })
  @RequiresScope('offers:read')
  offers(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => OfferStatus, { nullable: true }) status: OfferStatus | null,
    @Arg('campaignId', () => ID, { nullable: true }) campaignId: string | null,
    @Arg('channel', () => OfferChannel, { nullable: true }) channel: OfferChannel | null,
  ): Promise<OfferConnection> {
    return this.service.list({ first, after, status, channel, campaignId: campaignId == null ? null : assertUuid(campaignId, 'campaignId') });
  }

  @FieldResolver(() => CampaignType)
  async campaign(@Root() offer: OfferType, @Ctx() ctx: OffersContext): Promise<CampaignType> {
    const entity = await ctx.loaders.campaignById.load(offer.campaignId);
    if (!entity) throw campaignNotFound(offer.campaignId);
    return toCampaignType(entity);
  }

  @FieldResolver(() => [ProductRef], { description: 'The products the offer applies to (resolved by the transactions subgraph)' })
  async products(@Root() offer: OfferType, @Ctx() ctx: OffersContext): Promise<ProductRef[]> {
    const skus = await ctx.loaders.skusByOffer.load(offer.id);
    return skus.map((sku) => ({ sku }));
  }

  @Mutation(() => OfferType)
  @RequiresScope('offers:write')
  async createOffer(@Arg('input', () => CreateOfferInput) input: CreateOfferInput, @Ctx() ctx: OffersContext): Promise<OfferType> {
    return this.loadAfterWrite(await this.service.create(input), ctx);
  }

  @Mutation(() => OfferType, { description: 'DRAFT -> ACTIVE | EXPIRED; ACTIVE <-> PAUSED; either -> EXPIRED (final)' })
  @RequiresScope('offers:write')
  async setOfferStatus(@Arg('id', () => ID) id: string, @Arg('status', () => OfferStatus) status: OfferStatus, @Ctx() ctx: OffersContext): Promise<OfferType> {
    const offerId = assertUuid(id);
    await this.service.setStatus(offerId, status);
    return this.loadAfterWrite(offerId, ctx);
  }

  @Mutation(() => OfferType, { description: 'Replaces the targeting rules of an offer (any status but EXPIRED); applies from the next request' })
  @RequiresScope('offers:write')
  async setOfferTargeting(
    @Arg('id', () => ID) id: string,
    @Arg('targeting', () => OfferTargetingInput) targeting: OfferTargetingInput,
    @Ctx() ctx: OffersContext,
  ): Promise<OfferType> {
    const offerId = assertUuid(id);
    await this.service.setTargeting(offerId, targeting);
    return this.loadAfterWrite(offerId, ctx);
  }

  private async loadAfterWrite(id: string, ctx: OffersContext): Promise<OfferType> {
    ctx.loaders.offerById.clear(id);
    const entity = await ctx.loaders.offerById.load(id);
    if (!entity) throw offerNotFound(id);
    return toOfferType(entity);
  }
}

@Resolver(() => CampaignType)
export class CampaignOffersResolver {
  @FieldResolver(() => [OfferType], { description: 'All offers of the campaign, highest priority first' })
  async offers(@Root() campaign: CampaignType, @Ctx() ctx: OffersContext): Promise<OfferType[]> {
    return (await ctx.loaders.offersByCampaign.load(campaign.id)).map(toOfferType);
  }
}
