import type { OfferChannel } from '../offer/offer.enums';
import { checkEligibility, type CandidateOffer, type Eligibility } from './eligibility.rules';
import { collaborativePairs, scoreOffer, type ScoreReason } from './offer-score';
import { personalise, type PersonalisationPlan } from './personalisation';
import type { CustomerTargetingFacts } from './targeting-facts';

export type EligibleOffer = Extract<Eligibility, { eligible: true }>;

export interface OfferPickPlan extends PersonalisationPlan {
  candidate: CandidateOffer;
  rank: number;
  score: number;
  reasons: ScoreReason[];
}

/** Every candidate checked, in candidate order: eligible ones and the first rule each other one failed. */
export const evaluateOffers = (candidates: readonly CandidateOffer[], facts: CustomerTargetingFacts, now: Date, channel: OfferChannel | null = null): Eligibility[] =>
  candidates.map((candidate) => checkEligibility(candidate, facts, now, channel));

export const eligibleOffers = (candidates: readonly CandidateOffer[], facts: CustomerTargetingFacts, now: Date, channel: OfferChannel | null = null): EligibleOffer[] =>
  evaluateOffers(candidates, facts, now, channel).filter((e): e is EligibleOffer => e.eligible);

/** The `first` best eligible offers by the documented score (offer-score.ts), ties by offer id, each explained and personalised. */
export function nextBestOffers(candidates: readonly CandidateOffer[], facts: CustomerTargetingFacts, now: Date, first: number, channel: OfferChannel | null = null): OfferPickPlan[] {
  const scored = eligibleOffers(candidates, facts, now, channel).map((eligibility) => {
    // A COLLABORATIVE offer's co-purchase pairs are looked up once, for its score and its content.
    const pairs = collaborativePairs(eligibility, facts);
    return { eligibility, pairs, ...scoreOffer(eligibility, facts, now, pairs) };
  });
  scored.sort((a, b) => b.score - a.score || (a.eligibility.offer.offer.id < b.eligibility.offer.offer.id ? -1 : 1));
  return scored.slice(0, Math.max(0, first)).map(({ eligibility, pairs, score, reasons }, i) => ({
    candidate: eligibility.offer,
    rank: i + 1,
    score,
    reasons,
    ...personalise(eligibility, facts, pairs),
  }));
}
