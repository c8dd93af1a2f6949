import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badInput, CallerKind, DomainError, ErrorCode, isUuid, RequiresScope } from '@c360/shared';
import type { OffersContext } from '../context';
import { EligibilityService } from './eligibility.service';
import { toOfferEligibility } from './offer-eligibility.mapper';
import { OfferEligibilityType } from './offer-eligibility.type';

/** Staff diagnosis of targeting: which rule kept each live offer from a customer. */
@Resolver(() => OfferEligibilityType)
export class OfferEligibilityResolver {
  constructor(private readonly service: EligibilityService) {}

  @RequiresScope('offers:read')
  @Query(() => [OfferEligibilityType], {
    description:
      'Staff only: every live offer for this customer, ELIGIBLE or the first rule that failed, over the facts released to the caller ' +
      '(a value the caller may not receive is VALUE_WITHHELD, a segment whose conditions it may not read NOT_IN_SEGMENT). See the README, "The customer\'s own offers"',
  })
  async offerEligibility(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: OffersContext): Promise<OfferEligibilityType[]> {
    // Holdout, segment and consent verdicts are staff knowledge: a partner or the customer gets its offers, not the diagnosis.
    if (ctx.caller.kind !== CallerKind.INTERNAL_APP) throw new DomainError(ErrorCode.FORBIDDEN, 'offerEligibility is for staff (internal app) tokens', { reason: 'STAFF_ONLY' });
    if (!isUuid(customerId)) throw badInput('"customerId" must be a UUID', { argument: 'customerId' });
    const id = customerId.toLowerCase();
    const explained = await this.service.explainFor(id, ctx.loaders, (c, category) => ctx.consent.decide(c, category));
    return explained.map((e) => toOfferEligibility(e, id));
  }
}
