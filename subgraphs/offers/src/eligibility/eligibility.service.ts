import { decisionUnavailable, DecisionReason, isUuid } from '@c360/shared';
import type { OfferChannel } from '../offer/offer.enums';
import type { OfferType } from '../offer/offer.type';
import type { EligibilityLoaders } from './eligibility.loaders';
import { eligibleOffers, nextBestOffers } from './offer-engine';
import { toOfferPickType } from './offer-pick.mapper';
import { releasedFacts, type CallerDecision } from './released-facts';
import type { OfferPickType } from './offer-pick.type';
import type { CustomerTargetingFacts } from './targeting-facts';

export const MAX_PICKS = 20;

/** Runs the pure offer engine over this request's live offers and the customer's facts. */
export class EligibilityService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  /** `decide` is the caller's consent decision: the engine runs only over the facts released to the caller. */
  async eligibleFor(customerId: string, loaders: EligibilityLoaders, decide: CallerDecision): Promise<OfferType[]> {
    const id = customerId.toLowerCase();
    // Representations are not validated by GraphQL: a junk id is nobody, never a consent question.
    if (!isUuid(id)) return [];
    const [candidates, facts] = await Promise.all([loaders.liveOffers(), loaders.targetingFacts.load({ customerId: id, ranking: false })]);
    assertDecided(facts);
    return eligibleOffers(candidates, await releasedFacts(facts, decide), this.now()).map((e) => e.offer.offer);
  }

  async nextBestFor(customerId: string, first: number, channel: OfferChannel | null, loaders: EligibilityLoaders, decide: CallerDecision): Promise<OfferPickType[]> {
    const id = customerId.toLowerCase();
    if (!isUuid(id)) return [];
    const [candidates, facts] = await Promise.all([loaders.liveOffers(), loaders.targetingFacts.load({ customerId: id, ranking: true })]);
    assertDecided(facts);
    return nextBestOffers(candidates, await releasedFacts(facts, decide), this.now(), Math.min(first, MAX_PICKS), channel).map((plan) => toOfferPickType(plan, id));
  }
}

/** No consent decision is no offer, and the caller is told so: never a silently empty list. */
function assertDecided(facts: CustomerTargetingFacts): void {
  if (Object.values(facts.consent).some((verdict) => verdict?.reason === DecisionReason.DECISION_UNAVAILABLE)) throw decisionUnavailable();
}
