import { Arg, Ctx, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ConnectionType, isUuid, PersonalData, PersonalDataCategory, RequiresScope, type Page } from '@c360/shared';
import type { OffersContext } from '../context';
import { CustomerRef } from '../eligibility/customer-ref.type';
import { offerNotFound } from '../offer/offer.errors';
import { toOfferType } from '../offer/offer.mapper';
import { OfferType } from '../offer/offer.type';
import { OrderRef } from './order-ref.type';
import { RecordOfferResponseInput } from './response.input';
import { assertMayCheckRevenue, readableResponses } from './revenue-release';
import { toOfferResponseNode } from './response.mapper';
import { MAX_RESPONSES_PER_CALL, ResponseService } from './response.service';
import { OfferResponseNode } from './response.type';

@ObjectType()
export class OfferResponseConnection extends ConnectionType(OfferResponseNode, 'OfferResponse') {}

const EMPTY_PAGE: Page<OfferResponseNode> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

@Resolver(() => OfferResponseNode)
export class ResponseResolver {
  constructor(private readonly service: ResponseService) {}

  @RequiresScope('offers:write')
  @Mutation(() => OfferResponseNode, {
    description: 'Records a reaction to an offer. Replaying the same eventId with the same content returns the recorded response; different content is a CONFLICT',
  })
  async recordOfferResponse(@Arg('input', () => RecordOfferResponseInput) input: RecordOfferResponseInput, @Ctx() ctx: OffersContext): Promise<OfferResponseNode> {
    await assertMayCheckRevenue([input], ctx);
    const [response] = await this.service.record([input], new Date(), readableResponses(ctx));
    return toOfferResponseNode(response);
  }

  @RequiresScope('offers:write')
  @Mutation(() => [OfferResponseNode], {
    description: `Records up to ${MAX_RESPONSES_PER_CALL} reactions all or nothing, returned in input order; each eventId is idempotent as in recordOfferResponse`,
  })
  async recordOfferResponses(@Arg('inputs', () => [RecordOfferResponseInput]) inputs: RecordOfferResponseInput[], @Ctx() ctx: OffersContext): Promise<OfferResponseNode[]> {
    await assertMayCheckRevenue(inputs, ctx);
    return (await this.service.record(inputs, new Date(), readableResponses(ctx))).map(toOfferResponseNode);
  }

  @FieldResolver(() => OfferType)
  async offer(@Root() response: OfferResponseNode, @Ctx() ctx: OffersContext): Promise<OfferType> {
    const entity = await ctx.loaders.offerById.load(response.offerId);
    if (!entity) throw offerNotFound(response.offerId);
    return toOfferType(entity);
  }

  @FieldResolver(() => CustomerRef)
  customer(@Root() response: OfferResponseNode): CustomerRef {
    return { id: response.customerId };
  }

  // Non-null exactly when the withheld type is REDEEMED: personal like it.
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  @FieldResolver(() => OrderRef, { nullable: true, description: 'The order a REDEEMED response was redeemed in (resolved by the transactions subgraph)' })
  order(@Root() response: OfferResponseNode): OrderRef | null {
    return response.orderId ? { id: response.orderId } : null;
  }
}

@Resolver(() => OfferType)
export class OfferResponsesResolver {
  @RequiresScope('offers:read')
  @FieldResolver(() => OfferResponseConnection, { description: 'Recorded reactions to this offer, newest first' })
  responses(
    @Root() offer: OfferType,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: OffersContext,
  ): Promise<OfferResponseConnection> {
    return ctx.loaders.responsesByOffer.load({ parentId: offer.id, first, after });
  }
}

@Resolver(() => CustomerRef)
export class CustomerResponsesResolver {
  @RequiresScope('offers:read')
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  @FieldResolver(() => OfferResponseConnection, { nullable: true, description: "The customer's reactions to offers, newest first" })
  async offerResponses(
    @Root() customer: CustomerRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: OffersContext,
  ): Promise<OfferResponseConnection> {
    // Representations are not validated by GraphQL: never cast junk to uuid.
    if (!isUuid(customer.id)) return EMPTY_PAGE;
    return ctx.loaders.responsesByCustomer.load({ parentId: customer.id.toLowerCase(), first, after });
  }
}
