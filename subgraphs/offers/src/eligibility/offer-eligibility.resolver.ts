import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badInput, CallerKind, DomainError, ErrorCode, everyCustomerKnown, isUuid, RequiresScope, unknownCustomer, type KnownCustomers } from '@c360/shared';
import type { OffersContext } from '../context';
import { EligibilityService } from './eligibility.service';
import { toOfferEligibility } from './offer-eligibility.mapper';
import { OfferEligibilityType } from './offer-eligibility.type';

/** Staff diagnosis of targeting: which rule kept each live offer from a customer. */
@Resolver(() => OfferEligibilityType)
export class OfferEligibilityResolver {
  constructor(
    private readonly service: EligibilityService,
    /** The customers subgraph's word on the id: a verdict list for an id no customer has would read as a real customer's. */
    private readonly known: KnownCustomers = everyCustomerKnown,
  ) {}

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
    // Unknown, erased and retired (merged) ids are one NOT_FOUND, never an echo of the id.
    await this.known.assertWritable([id]).catch((error: unknown) => {
      if (error instanceof DomainError && error.extensions.code === ErrorCode.SUBJECT_ERASED) throw unknownCustomer();
      throw error;
    });
    const explained = await this.service.explainFor(id, ctx.loaders, (c, category) => ctx.consent.decide(c, category));
    return explained.map((e) => toOfferEligibility(e, id));
  }
}
