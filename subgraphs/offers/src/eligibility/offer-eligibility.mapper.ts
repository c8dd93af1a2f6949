import type { Eligibility } from './eligibility.rules';
import { OfferExclusion } from './offer-reason.enums';
import { OfferEligibilityStatus, type OfferEligibilityType } from './offer-eligibility.type';

/**
 * The engine's own detail, except where it carries a figure: a lifecycle stage, an amount or a
 * threshold is FINANCIAL (and a threshold next to the verdict bounds the customer's value), while
 * the answer is guarded as BEHAVIOURAL. The status says which rule; the words never say how far.
 */
const FIGURE_FREE: Partial<Record<OfferExclusion, string>> = {
  [OfferExclusion.LIFECYCLE_MISMATCH]: "The customer's lifecycle stage is not one the offer targets",
  [OfferExclusion.BELOW_VALUE_THRESHOLD]: "The customer's value misses one of the offer's value thresholds",
};

export function toOfferEligibility(e: Eligibility, customerId: string): OfferEligibilityType {
  const offer = e.offer.offer;
  if (e.eligible) return { customerId, offer, status: OfferEligibilityStatus.ELIGIBLE, reason: 'Every targeting rule passed' };
  // OTHER_CHANNEL needs a channel argument, which offerEligibility does not take.
  const status = OfferEligibilityStatus[e.exclusion as keyof typeof OfferEligibilityStatus] ?? OfferEligibilityStatus.NOT_LIVE;
  return { customerId, offer, status, reason: FIGURE_FREE[e.exclusion] ?? e.detail };
}
