import type { OfferConsentPurpose } from '../offer/offer.enums';

/** A customer's value as the transactions subgraph reports it; absent when withheld (no PROFILING consent). */
export interface CustomerValueFacts {
  lifecycleStage: string | null;
  monetary: number | null;
  /** RFM monetary quintile 1–5; null for a prospect. */
  monetaryScore: number | null;
  predictedValue: number | null;
  churnRisk: number | null;
}

export interface PurchaseFacts {
  /** null when withheld: the customer did not consent to PROFILING, or the caller may not receive FINANCIAL data (see released-facts.ts). */
  value: CustomerValueFacts | null;
  /** Set when the value is withheld from this caller (not for want of PROFILING consent). */
  valueWithheldBy?: 'CALLER';
  /** Bought categories with their order-line counts, most first. */
  categories: { category: string; lines: number }[];
  skus: string[];
}

export interface ProductFacts {
  sku: string;
  category: string;
  inStock: boolean;
}

/** "Customers who bought `sku` also bought `alsoBought`" in the same order. */
export interface CoPurchase {
  sku: string;
  alsoBought: string;
  together: number;
  support: number;
  confidence: number;
}

export interface ConsentVerdict {
  allowed: boolean;
  /** The consent subgraph's reason, e.g. CONSENT_GRANTED, NO_CONSENT, DECISION_UNAVAILABLE. */
  reason: string;
}

export interface Exposure {
  /** SHOWN responses inside the offer's frequency-cap window (0 without a cap). */
  shownInCapWindow: number;
  lastShownAt: Date;
}

/** SHOWN responses of one customer through a channel that has a contact policy, inside its window, across every campaign. */
export interface ChannelContacts {
  shown: number;
  maxShown: number;
  withinDays: number;
}

/** A category the customer showed interest in through interactions: told us (STATED) or browsed (BROWSED). */
export interface CustomerInterest {
  category: string;
  source: 'STATED' | 'BROWSED';
  /** Interactions naming it in the customers subgraph's window. */
  count: number;
}

/** Everything the engine knows about one customer in one request; null parts could not be learned (fail closed). */
export interface CustomerTargetingFacts {
  customerId: string;
  consent: Partial<Record<OfferConsentPurpose, ConsentVerdict>>;
  /** Segment ids the customer belongs to; null when the customers subgraph could not answer. */
  segments: string[] | null;
  /** null when the transactions subgraph could not answer. */
  purchases: PurchaseFacts | null;
  /** Stock and category of the offered (and co-purchased) skus; null when the transactions subgraph could not answer. */
  products: ReadonlyMap<string, ProductFacts> | null;
  /** Co-purchase pairs whose source sku the customer bought, in the peer's order (only these can ever match). */
  coPurchases: CoPurchase[];
  /** By offer id. */
  exposures: ReadonlyMap<string, Exposure>;
  /** By channel, one per channel with a contact policy (shown 0 when none was shown or the count is not released). */
  contacts: ReadonlyMap<string, ChannelContacts>;
  /** Stated and browsed categories (BEHAVIOURAL; asked only when ranking, empty when not released or not answered). */
  interests?: CustomerInterest[];
}
