import { decisionUnavailable, DecisionReason, isUuid } from '@c360/shared';
import type { OfferChannel } from '../offer/offer.enums';
import type { OfferType } from '../offer/offer.type';
import type { EligibilityLoaders } from './eligibility.loaders';
import { checkEligibility, type Eligibility } from './eligibility.rules';
import { eligibleOffers, evaluateOffers, nextBestOffers } from './offer-engine';
import { OfferReasonCode } from './offer-reason.enums';
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

  /** `hideMembership` (self-service): the offer itself is the only trace of a segment match, never an IN_SEGMENT reason. */
  async nextBestFor(customerId: string, first: number, channel: OfferChannel | null, loaders: EligibilityLoaders, decide: CallerDecision, hideMembership = false): Promise<OfferPickType[]> {
    const id = customerId.toLowerCase();
    if (!isUuid(id)) return [];
    const [candidates, facts] = await Promise.all([loaders.liveOffers(), loaders.targetingFacts.load({ customerId: id, ranking: true })]);
    assertDecided(facts);
    const plans = nextBestOffers(candidates, await releasedFacts(facts, decide), this.now(), Math.min(first, MAX_PICKS), channel);
    const shown = hideMembership ? plans.map((plan) => ({ ...plan, reasons: plan.reasons.filter((r) => r.code !== OfferReasonCode.IN_SEGMENT) })) : plans;
    return shown.map((plan) => toOfferPickType(plan, id));
  }

  /** Every live offer with the first rule it failed for this customer, over the facts released to the caller. */
  async explainFor(customerId: string, loaders: EligibilityLoaders, decide: CallerDecision): Promise<Eligibility[]> {
    const id = customerId.toLowerCase();
    const [candidates, facts] = await Promise.all([loaders.liveOffers(), loaders.targetingFacts.load({ customerId: id, ranking: false })]);
    assertDecided(facts);
    return evaluateOffers(candidates, await releasedFacts(facts, decide), this.now());
  }

  /**
   * Whether the customer may react to this offer: live and eligible for them, except for the caps
   * that count showings (frequency cap, contact policy): they limit how often an offer is shown,
   * not whether the customer may click, accept or decline one already shown.
   */
  async respondableFor(customerId: string, offerId: string, loaders: EligibilityLoaders, decide: CallerDecision): Promise<boolean> {
    const id = customerId.toLowerCase();
    const [candidates, facts] = await Promise.all([loaders.liveOffers(), loaders.targetingFacts.load({ customerId: id, ranking: false })]);
    const candidate = candidates.find((c) => c.offer.id === offerId);
    if (!candidate) return false;
    assertDecided(facts);
    const released = await releasedFacts(facts, decide);
    return checkEligibility(candidate, { ...released, exposures: new Map(), contacts: new Map() }, this.now()).eligible;
  }
}

/** No consent decision is no offer, and the caller is told so: never a silently empty list. */
function assertDecided(facts: CustomerTargetingFacts): void {
  if (Object.values(facts.consent).some((verdict) => verdict?.reason === DecisionReason.DECISION_UNAVAILABLE)) throw decisionUnavailable();
}
