import { RequiresScope } from '@c360/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { OfferType } from '../offer/offer.type';
import { isHeldOut } from '../performance/holdout';
import { CustomerRef } from './customer-ref.type';

@Resolver(() => CustomerRef)
export class EligibilityResolver {
  @FieldResolver(() => [OfferType], {
    description: 'Offers live now (ACTIVE, inside their validity window, in an ACTIVE campaign that does not hold the customer out), highest priority first',
  })
  @RequiresScope('offers:read')
  async eligibleOffers(@Root() customer: CustomerRef, @Ctx() ctx: OffersContext): Promise<OfferType[]> {
    // Not yet per customer beyond holdouts: targeting, consent and stock checks come with the eligibility engine.
    const live = await ctx.loaders.liveOffers();
    return live.filter(({ holdout }) => !isHeldOut(holdout, customer.id)).map(({ offer }) => offer);
  }
}
