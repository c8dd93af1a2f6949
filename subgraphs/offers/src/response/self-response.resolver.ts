import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequiresScope, SCOPES } from '@c360/shared';
import type { OffersContext } from '../context';
import { toOfferResponseNode } from './response.mapper';
import { OfferResponseNode } from './response.type';
import { RecordMyOfferResponseInput } from './self-response.input';
import { SelfResponseService } from './self-response.service';

@Resolver(() => OfferResponseNode)
export class SelfResponseResolver {
  constructor(private readonly service: SelfResponseService) {}

  @RequiresScope(SCOPES.OFFERS_RESPOND)
  @Mutation(() => OfferResponseNode, {
    description:
      "Self-service: records the token's own customer's reaction (SHOWN, CLICKED, ACCEPTED, DECLINED, and for an ADAPTIVE offer the option chosen) to an offer eligible for them. " +
      'An unknown offer and one not eligible for the customer are the same NOT_FOUND (OFFER_NOT_AVAILABLE)',
  })
  async recordMyOfferResponse(@Arg('input', () => RecordMyOfferResponseInput) input: RecordMyOfferResponseInput, @Ctx() ctx: OffersContext): Promise<OfferResponseNode> {
    const response = await this.service.record(ctx.caller, input, ctx.loaders, (customerId, category) => ctx.consent.decide(customerId, category));
    return toOfferResponseNode(response);
  }
}
