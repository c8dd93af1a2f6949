import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { CallerKind } from '@c360/shared';
import type { OffersContext } from '../context';
import { OfferTargetingType } from './offer-targeting.type';

@Resolver(() => OfferTargetingType)
export class OfferTargetingResolver {
  // A customer holding a segment-targeted offer would learn from these ids which segments it is in.
  @FieldResolver(() => [ID])
  segmentIds(@Root() targeting: OfferTargetingType, @Ctx() ctx: OffersContext): string[] {
    return ctx.caller.kind === CallerKind.CUSTOMER ? [] : targeting.segmentIds;
  }
}
