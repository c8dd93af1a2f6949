import { RequiresScope } from '@c360/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { OfferType } from '../offer/offer.type';
import { CustomerRef } from './customer-ref.type';

@Resolver(() => CustomerRef)
export class EligibilityResolver {
  @FieldResolver(() => [OfferType], {
    description: 'Offers live now (ACTIVE, inside their validity window, in an ACTIVE campaign), highest priority first',
  })
  @RequiresScope('offers:read')
  eligibleOffers(@Root() _customer: CustomerRef, @Ctx() ctx: OffersContext): Promise<OfferType[]> {
    // Not yet per customer: targeting, consent and stock checks come with the eligibility engine.
    return ctx.loaders.liveOffers();
  }
}
