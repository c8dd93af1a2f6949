import { PersonalisationType } from '../offer/offer.enums';
import type { Eligibility } from './eligibility.rules';
import { categoryShares, collaborativePairs, interestsIn } from './offer-score';
import type { CoPurchase, CustomerInterest, CustomerTargetingFacts } from './targeting-facts';

/** Where the offered products of a pick come from. */
export enum ContentBasis {
  AS_DESIGNED = 'AS_DESIGNED',
  CATEGORY_AFFINITY = 'CATEGORY_AFFINITY',
  CO_PURCHASE = 'CO_PURCHASE',
}

/**
 * The offers subgraph never holds the customer's name: a personalised presentation carries a
 * template, filled by the client from `customer { givenName }` fetched through the graph, where
 * the customers subgraph applies its own consent decision.
 */
export const GREETING_TEMPLATE = 'Hello {givenName}';
const MAX_PRODUCTS = 3;

/** The stable key of an ADAPTIVE offer's option on one of its products: what a response records the choice with. */
export const OPTION_KEY_PREFIX = 'product:';
export const optionKeyOf = (sku: string) => `${OPTION_KEY_PREFIX}${sku}`;
const MAX_OPTIONS = 5;

export interface PresentationPlan {
  headline: string;
  greetingTemplate: string | null;
  /** Skus the customer bought that the content was drawn from (COLLABORATIVE). */
  becauseYouBought: string[];
  personalised: boolean;
}

export interface ContentPlan {
  skus: string[];
  basis: ContentBasis;
  personalised: boolean;
}

export interface OptionPlan {
  key: string;
  sku: string;
  label: string;
}

export interface PersonalisationPlan {
  presentation: PresentationPlan;
  content: ContentPlan;
  options: OptionPlan[];
}

/**
 * What each personalisation type changes:
 *   COSMETIC: presentation only (greeting), products as designed;
 *   ADAPTIVE: the offer as designed, plus options (its in-stock products) the customer picks from;
 *   TRANSPARENT: content only (in-stock products of the customer's categories), standard presentation;
 *   COLLABORATIVE: content from co-purchases and a tailored presentation (greeting, "because you bought").
 */
export function personalise(
  eligibility: Extract<Eligibility, { eligible: true }>,
  facts: CustomerTargetingFacts,
  coPurchases: CoPurchase[] | null = collaborativePairs(eligibility, facts),
): PersonalisationPlan {
  const { offer } = eligibility.offer;
  const designed = eligibility.inStockSkus;
  const standard: PresentationPlan = { headline: offer.headline, greetingTemplate: null, becauseYouBought: [], personalised: false };
  const asDesigned: ContentPlan = { skus: designed, basis: ContentBasis.AS_DESIGNED, personalised: false };
  switch (offer.personalisationType) {
    case PersonalisationType.COSMETIC:
      return { presentation: { ...standard, greetingTemplate: GREETING_TEMPLATE, personalised: true }, content: asDesigned, options: [] };
    case PersonalisationType.ADAPTIVE:
      return { presentation: standard, content: asDesigned, options: designed.slice(0, MAX_OPTIONS).map((sku) => ({ key: optionKeyOf(sku), sku, label: `${offer.headline}: on ${sku}` })) };
    case PersonalisationType.TRANSPARENT:
      return { presentation: standard, content: byAffinity(designed, facts) ?? asDesigned, options: [] };
    case PersonalisationType.COLLABORATIVE: {
      const pairs = (coPurchases ?? []).slice(0, MAX_PRODUCTS);
      const presentation = { ...standard, greetingTemplate: GREETING_TEMPLATE, personalised: true };
      if (pairs.length === 0) return { presentation, content: asDesigned, options: [] };
      return {
        presentation: { ...presentation, headline: `${offer.headline}, picked from what shoppers like you bought`, becauseYouBought: [...new Set(pairs.map((p) => p.sku))] },
        content: { skus: pairs.map((p) => p.alsoBought), basis: ContentBasis.CO_PURCHASE, personalised: true },
        options: [],
      };
    }
  }
}

/**
 * In-stock designed products in the customer's categories, strongest first: the share of their
 * purchases, plus 0.5 for a category they told us they like and 0.25 for one they browsed
 * (TRANSPARENT: what they asked for or looked at counts, not only what they bought); null when none is.
 */
function byAffinity(skus: string[], facts: CustomerTargetingFacts): ContentPlan | null {
  const categoryOf = (sku: string) => facts.products?.get(sku)?.category ?? '';
  const categories = new Set(skus.map(categoryOf));
  const strength = new Map<string, number>(categoryShares(facts, categories).map((s) => [s.category, s.share]));
  const boost = (source: CustomerInterest['source'], by: number) => {
    const named = new Set(interestsIn(facts, categories, source).map((i) => i.category.toLowerCase()));
    for (const category of categories) if (named.has(category.toLowerCase())) strength.set(category, (strength.get(category) ?? 0) + by);
  };
  boost('STATED', 0.5);
  boost('BROWSED', 0.25);
  const chosen = skus.filter((sku) => strength.has(categoryOf(sku)));
  if (chosen.length === 0) return null;
  // Stable sort: within a category the designed order stays.
  chosen.sort((a, b) => strength.get(categoryOf(b))! - strength.get(categoryOf(a))!);
  return { skus: chosen.slice(0, MAX_PRODUCTS), basis: ContentBasis.CATEGORY_AFFINITY, personalised: true };
}
