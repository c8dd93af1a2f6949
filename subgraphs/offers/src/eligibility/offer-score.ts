import { PersonalisationType } from '../offer/offer.enums';
import type { Eligibility } from './eligibility.rules';
import { OfferReasonCode } from './offer-reason.enums';
import type { CoPurchase, CustomerInterest, CustomerTargetingFacts } from './targeting-facts';

/**
 * score = 0.35·P + 0.35·A + 0.15·V + 0.15·T + S + B − R, each term rounded to 4 decimals:
 *   P priority: clamp(priority, −100, 100) / 100
 *   A affinity: share of the customer's order lines in the categories of the offer's in-stock
 *     products; for COLLABORATIVE offers instead the best co-purchase confidence (see bestCoPurchases)
 *   V value: RFM monetary score / 5 (0 for a prospect, or when withheld without PROFILING consent)
 *   S stated interest: 0.20 when the customer told us (ACTIVE interactions) they like a category of the offer's in-stock products
 *   B browsed interest: 0.10 × min(1, views / 3) for PASSIVE interactions (page views, searches) in those categories
 *   (S and B need the customer's BEHAVIOURAL data released to the caller, like A; interests are the last 90 days)
 *   T targeted: 1 when the offer targets by segment, lifecycle or value and the customer matched
 *   R recency penalty: 0.30 × (1 − days since last SHOWN / 30) when shown in the last 30 days
 * Picks are ordered by score, highest first, ties by offer id ascending.
 */
export const WEIGHTS = { priority: 0.35, affinity: 0.35, value: 0.15, targeted: 0.15, recentlyShown: 0.3, statedInterest: 0.2, browsedInterest: 0.1 } as const;
/** Browsing counts fully from this many views of the offer's categories. */
export const BROWSED_FULL_AT = 3;
export const RECENCY_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ScoreReason {
  code: OfferReasonCode;
  text: string;
  /** What this reason added to (or, negative, took from) the score. */
  contribution: number;
}

export interface OfferScore {
  score: number;
  reasons: ScoreReason[];
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The best co-purchase pairs of a COLLABORATIVE offer for this customer (null for other types):
 * its in-stock products, or without products every in-stock product the customer could be offered.
 * nextBestOffers computes them once per eligible offer and hands them to both scoreOffer and personalise.
 */
export function collaborativePairs(eligibility: Extract<Eligibility, { eligible: true }>, facts: CustomerTargetingFacts): CoPurchase[] | null {
  if (eligibility.offer.offer.personalisationType !== PersonalisationType.COLLABORATIVE) return null;
  const candidates = eligibility.inStockSkus.length ? eligibility.inStockSkus : [...(facts.products?.values() ?? [])].filter((p) => p.inStock).map((p) => p.sku);
  return bestCoPurchases(facts, candidates);
}

/**
 * "Customers who bought X also bought Y" for the candidate skus Y the customer has not bought
 * yet, best first: for each Y its strongest pair (confidence, then orders together, then skus).
 */
export function bestCoPurchases(facts: CustomerTargetingFacts, candidates: readonly string[]): CoPurchase[] {
  const bought = new Set(facts.purchases?.skus ?? []);
  const wanted = new Set(candidates.filter((sku) => !bought.has(sku)));
  const best = new Map<string, CoPurchase>();
  for (const pair of facts.coPurchases) {
    if (!bought.has(pair.sku) || !wanted.has(pair.alsoBought)) continue;
    const current = best.get(pair.alsoBought);
    if (!current || compareCoPurchase(pair, current) < 0) best.set(pair.alsoBought, pair);
  }
  return [...best.values()].sort(compareCoPurchase);
}

const compareCoPurchase = (a: CoPurchase, b: CoPurchase) =>
  b.confidence - a.confidence || b.together - a.together || a.alsoBought.localeCompare(b.alsoBought) || a.sku.localeCompare(b.sku);

/** Share of the customer's order lines in each of these categories, largest first. */
export function categoryShares(facts: CustomerTargetingFacts, categories: ReadonlySet<string>): { category: string; share: number }[] {
  const bought = facts.purchases?.categories ?? [];
  const total = bought.reduce((sum, c) => sum + c.lines, 0);
  if (total === 0) return [];
  return bought.filter((c) => categories.has(c.category)).map((c) => ({ category: c.category, share: c.lines / total }));
}

/** The customer's interests of one source in these (product) categories, compared case-insensitively, in the peer's order. */
export function interestsIn(facts: CustomerTargetingFacts, categories: ReadonlySet<string>, source: CustomerInterest['source']): CustomerInterest[] {
  // Named as the catalogue spells the category, however the interaction spelt it.
  const wanted = new Map([...categories].map((c) => [c.toLowerCase(), c]));
  return (facts.interests ?? []).filter((i) => i.source === source && wanted.has(i.category.toLowerCase())).map((i) => ({ ...i, category: wanted.get(i.category.toLowerCase())! }));
}

/** The documented score of one eligible offer for one customer, with the reasons that make it up; `pairs` as collaborativePairs gives them. */
export function scoreOffer(
  eligibility: Extract<Eligibility, { eligible: true }>,
  facts: CustomerTargetingFacts,
  now: Date,
  pairs: CoPurchase[] | null = collaborativePairs(eligibility, facts),
): OfferScore {
  const { offer } = eligibility.offer;
  const reasons: ScoreReason[] = eligibility.matched.map((m) => ({ ...m, contribution: 0 }));
  const add = (code: OfferReasonCode, text: string, contribution: number) => reasons.push({ code, text, contribution: round4(contribution) });

  const priority = Math.max(-100, Math.min(100, offer.priority)) / 100;
  add(OfferReasonCode.PRIORITY, `Offer priority ${offer.priority}`, WEIGHTS.priority * priority);

  if (offer.personalisationType === PersonalisationType.COLLABORATIVE) {
    const [best] = pairs ?? [];
    if (best) add(OfferReasonCode.CO_PURCHASE, `${pct(best.confidence)} of orders with ${best.sku}, which you bought, also held ${best.alsoBought}`, WEIGHTS.affinity * best.confidence);
  } else {
    const categories = new Set(eligibility.inStockSkus.map((sku) => facts.products?.get(sku)?.category).filter((c): c is string => !!c));
    const shares = categoryShares(facts, categories);
    const share = shares.reduce((sum, s) => sum + s.share, 0);
    if (share > 0) add(OfferReasonCode.CATEGORY_AFFINITY, `${pct(share)} of your purchases are in ${shares.map((s) => s.category).join(', ')}`, WEIGHTS.affinity * share);
    const stated = interestsIn(facts, categories, 'STATED');
    if (stated.length) add(OfferReasonCode.STATED_INTEREST, `You told us you like ${stated.map((i) => i.category).join(', ')}`, WEIGHTS.statedInterest);
    const browsed = interestsIn(facts, categories, 'BROWSED');
    const views = browsed.reduce((sum, i) => sum + i.count, 0);
    if (views > 0) add(OfferReasonCode.BROWSED_INTEREST, `You browsed ${browsed.map((i) => i.category).join(', ')} (${views} time(s) lately)`, WEIGHTS.browsedInterest * Math.min(1, views / BROWSED_FULL_AT));
  }

  const value = facts.purchases?.value;
  if (facts.purchases && value === null) add(OfferReasonCode.VALUE_WITHHELD, facts.purchases.valueWithheldBy ? 'Value scores are not released to this caller and took no part in the score' : 'Value scores are withheld without PROFILING consent and took no part in the score', 0);
  else if (value?.monetaryScore) add(OfferReasonCode.HIGH_VALUE, `Monetary score ${value.monetaryScore} of 5`, WEIGHTS.value * (value.monetaryScore / 5));

  if (eligibility.matched.some((m) => m.code === OfferReasonCode.IN_SEGMENT || m.code === OfferReasonCode.LIFECYCLE_MATCH || m.code === OfferReasonCode.VALUE_MATCH)) {
    add(OfferReasonCode.TARGETED, 'Targeted at customers like you rather than at everyone', WEIGHTS.targeted);
  }

  const lastShown = facts.exposures.get(offer.id)?.lastShownAt;
  if (lastShown) {
    const days = Math.max(0, (now.getTime() - lastShown.getTime()) / DAY_MS);
    if (days < RECENCY_DAYS) add(OfferReasonCode.RECENTLY_SHOWN, `Shown to you ${Math.floor(days)} day(s) ago`, -WEIGHTS.recentlyShown * (1 - days / RECENCY_DAYS));
  }
  return { score: round4(reasons.reduce((sum, r) => sum + r.contribution, 0)), reasons };
}
