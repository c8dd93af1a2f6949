import { badInput, CallerKind, PersonalData, PersonalDataCategory, RequiresScope } from '@c360/shared';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { OfferChannel } from '../offer/offer.enums';
import { OfferType } from '../offer/offer.type';
import { CustomerRef } from './customer-ref.type';
import { EligibilityService, MAX_PICKS } from './eligibility.service';
import { OfferPickType } from './offer-pick.type';

const callerDecision = (ctx: OffersContext) => (customerId: string, category: PersonalDataCategory) => ctx.consent.decide(customerId, category);

/** Derived from the customer's purchases, value and segments, so personal (BEHAVIOURAL) like the facts behind it. */
@Resolver(() => CustomerRef)
export class EligibilityResolver {
  constructor(private readonly service: EligibilityService) {}

  @FieldResolver(() => [OfferType], {
    nullable: true,
    description:
      'Offers this customer may get now, highest priority first: live (ACTIVE, in window, ACTIVE campaign not holding the customer out), with the consent the offer\'s purpose needs, ' +
      'inside frequency caps, matching its segment / lifecycle / value rules, and with at least one product in stock (see the README, "Offer engine")',
  })
  @RequiresScope('offers:read')
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  eligibleOffers(@Root() customer: CustomerRef, @Ctx() ctx: OffersContext): Promise<OfferType[]> {
    return this.service.eligibleFor(customer.id, ctx.loaders, callerDecision(ctx));
  }

  @FieldResolver(() => [OfferPickType], {
    nullable: true,
    description: `The best eligible offers for this customer by the documented score, each with its reasons and personalised per its type (at most ${MAX_PICKS})`,
  })
  @RequiresScope('offers:read')
  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  nextBestOffers(
    @Root() customer: CustomerRef,
    @Arg('first', () => Int, { defaultValue: 3 }) first: number,
    @Arg('channel', () => OfferChannel, { nullable: true, description: 'Only offers delivered by this channel' }) channel: OfferChannel | null,
    @Ctx() ctx: OffersContext,
  ): Promise<OfferPickType[]> {
    if (first < 0 || first > MAX_PICKS) throw badInput(`first must be between 0 and ${MAX_PICKS}`, { argument: 'first' });
    return this.service.nextBestFor(customer.id, first, channel ?? null, ctx.loaders, callerDecision(ctx), ctx.caller.kind === CallerKind.CUSTOMER);
  }
}
