import { isHeldOut, type HoldoutSettings } from '../performance/holdout';
import type { OfferChannel, OfferConsentPurpose } from '../offer/offer.enums';
import type { OfferType } from '../offer/offer.type';
import { OfferExclusion, OfferReasonCode } from './offer-reason.enums';
import type { CustomerTargetingFacts } from './targeting-facts';

/** An offer as the engine sees it: its design, its products and its campaign's holdout. */
export interface CandidateOffer {
  offer: OfferType;
  skus: string[];
  holdout: HoldoutSettings;
}

export interface MatchedRule {
  code: OfferReasonCode;
  text: string;
}

export type Eligibility =
  | { eligible: true; offer: CandidateOffer; inStockSkus: string[]; matched: MatchedRule[] }
  | { eligible: false; offer: CandidateOffer; exclusion: OfferExclusion; detail: string };

/** The data category a purpose-only consent decision is asked for: MARKETING reaches the customer (CONTACT), PERSONALISATION uses their behaviour. */
export const CONSENT_CATEGORY: Record<OfferConsentPurpose, 'CONTACT' | 'BEHAVIOURAL'> = { MARKETING: 'CONTACT', PERSONALISATION: 'BEHAVIOURAL' };

export const needsValue = (offer: OfferType) =>
  offer.targeting.lifecycleStages.length > 0 || offer.targeting.minMonetary !== null || offer.targeting.minPredictedValue !== null || offer.targeting.maxChurnRisk !== null;

/**
 * Whether one offer may go to one customer, checked in a fixed order; the first failing rule
 * is the exclusion. Missing facts never count as a match (fail closed).
 */
export function checkEligibility(candidate: CandidateOffer, facts: CustomerTargetingFacts, now: Date, channel: OfferChannel | null = null): Eligibility {
  const { offer } = candidate;
  const t = offer.targeting;
  const no = (exclusion: OfferExclusion, detail: string): Eligibility => ({ eligible: false, offer: candidate, exclusion, detail });
  const matched: MatchedRule[] = [];

  if (offer.status !== 'ACTIVE' || now < offer.validFrom || now >= offer.validUntil) return no(OfferExclusion.NOT_LIVE, 'Not ACTIVE inside its validity window');
  if (channel !== null && offer.channel !== channel) return no(OfferExclusion.OTHER_CHANNEL, `Delivered by ${offer.channel}, not ${channel}`);
  if (isHeldOut(candidate.holdout, facts.customerId)) return no(OfferExclusion.HELD_OUT, "Held out of the campaign's audience to measure uplift");

  const verdict = facts.consent[offer.consentPurpose as OfferConsentPurpose];
  if (!verdict || verdict.reason === 'DECISION_UNAVAILABLE') return no(OfferExclusion.CONSENT_UNAVAILABLE, `No ${offer.consentPurpose} consent decision could be obtained`);
  if (!verdict.allowed) return no(OfferExclusion.NO_CONSENT, `No ${offer.consentPurpose} consent (${verdict.reason})`);

  if (t.frequencyCap) {
    const shown = facts.exposures.get(offer.id)?.shownInCapWindow ?? 0;
    if (shown >= t.frequencyCap.maxExposures) return no(OfferExclusion.FREQUENCY_CAP, `Shown ${shown} times in the last ${t.frequencyCap.withinDays} days (cap ${t.frequencyCap.maxExposures})`);
  }

  const contacts = facts.contacts.get(offer.channel);
  if (contacts && contacts.shown >= contacts.maxShown) {
    return no(OfferExclusion.CONTACT_POLICY, `Shown ${contacts.shown} offers through ${offer.channel} in the last ${contacts.withinDays} days across campaigns (policy ${contacts.maxShown})`);
  }

  if (t.segmentIds.length > 0) {
    if (facts.segments === null) return no(OfferExclusion.SEGMENTS_UNAVAILABLE, 'Segment membership could not be obtained');
    const inSegments = t.segmentIds.filter((id) => facts.segments!.includes(id));
    if (inSegments.length === 0) return no(OfferExclusion.NOT_IN_SEGMENT, 'Not in any targeted segment');
    matched.push({ code: OfferReasonCode.IN_SEGMENT, text: `In targeted segment ${inSegments.join(', ')}` });
  }

  if (needsValue(offer)) {
    if (facts.purchases === null) return no(OfferExclusion.FACTS_UNAVAILABLE, 'Value facts could not be obtained');
    const value = facts.purchases.value;
    if (value === null) return no(OfferExclusion.VALUE_WITHHELD, 'Lifecycle and value are withheld without PROFILING consent, so value rules cannot match');
    if (t.lifecycleStages.length > 0) {
      if (!value.lifecycleStage || !t.lifecycleStages.includes(value.lifecycleStage as never)) return no(OfferExclusion.LIFECYCLE_MISMATCH, `Lifecycle stage ${value.lifecycleStage ?? 'unknown'} is not targeted`);
      matched.push({ code: OfferReasonCode.LIFECYCLE_MATCH, text: `Lifecycle stage ${value.lifecycleStage} is targeted` });
    }
    // Only which thresholds matched: the reason reaches the customer and staff under a BEHAVIOURAL
    // guard, so it must not carry FINANCIAL figures (the customer's amounts, or the bounds they cleared).
    const thresholds: string[] = [];
    if (t.minMonetary !== null) {
      if (value.monetary === null || value.monetary < t.minMonetary) return no(OfferExclusion.BELOW_VALUE_THRESHOLD, `Monetary ${value.monetary ?? 'unknown'} is below ${t.minMonetary}`);
      thresholds.push('monetary value');
    }
    if (t.minPredictedValue !== null) {
      if (value.predictedValue === null || value.predictedValue < t.minPredictedValue) return no(OfferExclusion.BELOW_VALUE_THRESHOLD, `Predicted value ${value.predictedValue ?? 'unknown'} is below ${t.minPredictedValue}`);
      thresholds.push('predicted value');
    }
    if (t.maxChurnRisk !== null) {
      if (value.churnRisk === null || value.churnRisk > t.maxChurnRisk) return no(OfferExclusion.BELOW_VALUE_THRESHOLD, `Churn risk ${value.churnRisk ?? 'unknown'} is above ${t.maxChurnRisk}`);
      thresholds.push('churn risk');
    }
    if (thresholds.length) matched.push({ code: OfferReasonCode.VALUE_MATCH, text: `Meets the offer's value thresholds on ${thresholds.join(', ')}` });
  }

  let inStockSkus: string[] = [];
  if (candidate.skus.length > 0) {
    if (facts.products === null) return no(OfferExclusion.FACTS_UNAVAILABLE, 'Stock could not be checked');
    inStockSkus = candidate.skus.filter((sku) => facts.products!.get(sku)?.inStock === true);
    if (inStockSkus.length === 0) return no(OfferExclusion.OUT_OF_STOCK, 'Every product of the offer is out of stock');
    const dropped = candidate.skus.filter((sku) => !inStockSkus.includes(sku));
    if (dropped.length) matched.push({ code: OfferReasonCode.PARTLY_OUT_OF_STOCK, text: `Left out of stock: ${dropped.join(', ')}` });
  }
  return { eligible: true, offer: candidate, inStockSkus, matched };
}
