/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How the customer first came to us */
export type AcquisitionChannel =
  | 'CALL_CENTER'
  | 'EMAIL'
  | 'MOBILE'
  | 'PARTNER'
  | 'REFERRAL'
  | 'SOCIAL'
  | 'STORE'
  | 'WEB';

/** What the customer gets (the benefitValue unit depends on it) */
export type BenefitType =
  /** benefitValue off in currency (value > 0) */
  | 'AMOUNT_DISCOUNT'
  /** Shipping at no cost; no benefitValue */
  | 'FREE_SHIPPING'
  /** A gift, usually one of the products; optional benefitValue is its worth in currency */
  | 'GIFT'
  /** benefitValue loyalty points (a whole number > 0) */
  | 'LOYALTY_POINTS'
  /** benefitValue percent off (0 < value <= 100) */
  | 'PERCENT_DISCOUNT';

/** Only offers of an ACTIVE campaign are ever eligible */
export type CampaignStatus =
  /** Running: its ACTIVE offers can be offered */
  | 'ACTIVE'
  /** Finished for good (final) */
  | 'COMPLETED'
  /** Being designed; none of its offers are live */
  | 'DRAFT'
  /** Temporarily stopped; can be resumed */
  | 'PAUSED';

/** What an upsert did to one product */
export type CatalogueChange =
  | 'CREATED'
  | 'UNCHANGED'
  | 'UPDATED';

/** Where the customer expressed a consent decision */
export type ConsentChannel =
  | 'API'
  | 'CALL_CENTER'
  | 'EMAIL'
  | 'MERGE'
  | 'MOBILE'
  | 'PAPER'
  | 'STORE'
  | 'WEB';

/** DENIED: asked and refused; WITHDRAWN: granted earlier (or never) and now revoked */
export type ConsentStatus =
  | 'DENIED'
  | 'GRANTED'
  | 'WITHDRAWN';

export type CreateCampaignInput = {
  description?: string | null | undefined;
  /** Must be after startsAt; omit for an open-ended campaign */
  endsAt?: string | null | undefined;
  /** Percent of customers held out, 0 (default) to 50, at most two decimals */
  holdoutPercent?: number | null | undefined;
  /** Defaults to 0 */
  holdoutSeed?: number | null | undefined;
  name: string;
  objective?: string | null | undefined;
  startsAt: string;
  /** DRAFT (default) or ACTIVE */
  status?: CampaignStatus | null | undefined;
};

export type CreateCustomerInput = {
  acquisitionChannel: AcquisitionChannel;
  acquisitionSource?: string | null | undefined;
  address?: PostalAddressInput | null | undefined;
  birthDate?: string | null | undefined;
  displayName?: string | null | undefined;
  email?: string | null | undefined;
  externalIds?: Array<ExternalIdInput> | null | undefined;
  familyName?: string | null | undefined;
  givenName?: string | null | undefined;
  /** BCP 47 language tag, e.g. en-GB */
  locale?: string | null | undefined;
  /** E.164 (+442071234567) or national for PHONE_DEFAULT_REGION (020 7123 4567); stored in E.164 */
  phone?: string | null | undefined;
};

export type CreateOfferInput = {
  benefitType: BenefitType;
  /** Required except for FREE_SHIPPING (where it must be omitted) and GIFT (optional) */
  benefitValue?: number | null | undefined;
  campaignId: string | number;
  channel: OfferChannel;
  /** MARKETING or PERSONALISATION; defaults to PERSONALISATION for TRANSPARENT and COLLABORATIVE offers, MARKETING otherwise */
  consentPurpose?: string | null | undefined;
  /** ISO 4217, required with AMOUNT_DISCOUNT and a valued GIFT, refused otherwise */
  currency?: string | null | undefined;
  description?: string | null | undefined;
  headline: string;
  name: string;
  personalisationType: PersonalisationType;
  /** Defaults to 0 */
  priority?: number | null | undefined;
  /** Skus of the transactions catalogue, e.g. SKU-00042 */
  skus?: Array<string> | null | undefined;
  /** DRAFT (default) or ACTIVE */
  status?: OfferStatus | null | undefined;
  /** Who may get the offer and how often; none = every customer with the needed consent */
  targeting?: OfferTargetingInput | null | undefined;
  validFrom: string;
  /** Must be after validFrom */
  validUntil: string;
};

export type CreateSegmentInput = {
  description?: string | null | undefined;
  name: string;
  rule: SegmentRuleInput;
};

/** All given conditions must hold */
export type CustomerFilter = {
  acquisitionChannel?: AcquisitionChannel | null | undefined;
  countryCode?: string | null | undefined;
  createdAfter?: string | null | undefined;
  createdBefore?: string | null | undefined;
  /** Case-insensitive prefix of display name, family name or email */
  search?: string | null | undefined;
};

/** Where a profile merge is: RUNNING, MERGED, FAILED (compensated), UNMERGING, UNMERGED */
export type CustomerMergeState =
  | 'FAILED'
  | 'MERGED'
  | 'RUNNING'
  | 'UNMERGED'
  | 'UNMERGING';

/** ACCESS: a portable export of everything held; ERASURE: erase or de-identify it everywhere */
export type DataSubjectRequestKind =
  | 'ACCESS'
  | 'ERASURE';

/** FAILED: some subgraph failed (retried automatically with backoff, or resumed); DONE only when every subgraph is DONE */
export type DataSubjectRequestStatus =
  | 'DONE'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING';

export type ExternalIdInput = {
  id: string;
  system: string;
};

export type FrequencyCapInput = {
  maxExposures: number;
  withinDays: number;
};

export type GrantConsentInput = {
  channel: ConsentChannel;
  /** The customer (UUID) */
  customerId: string | number;
  /** The notice version shown to the customer; defaults to the purpose's current notice */
  noticeVersion?: number | null | undefined;
  /** Required for partner-scoped purposes (PARTNER_SHARING), refused for others */
  partnerId?: string | number | null | undefined;
  /** A CONSENT purpose, e.g. MARKETING */
  purposeCode: string;
};

export type InteractionChannel =
  | 'CALL_CENTER'
  | 'EMAIL'
  | 'MOBILE'
  | 'PARTNER'
  | 'STORE'
  | 'WEB';

/** PASSIVE: observed (page views, searches); ACTIVE: given by the customer (survey answers, feedback) */
export type InteractionKind =
  | 'ACTIVE'
  | 'PASSIVE';

/** PROSPECT: no completed purchase. NEW: one purchase, at most 90 days ago. Otherwise, against the rhythm (own mean days between purchases, or the base median for one-order customers, at least 1 day): ACTIVE when days since the last purchase <= 2 × rhythm, AT_RISK when <= 4 × rhythm, LAPSED beyond that or with no purchase in the RFM window */
export type LifecycleStage =
  | 'ACTIVE'
  | 'AT_RISK'
  | 'LAPSED'
  | 'NEW'
  | 'PROSPECT';

/** The normalised identifier two profiles share */
export type MatchIdentifier =
  | 'EMAIL'
  | 'EXTERNAL_ID'
  | 'PHONE';

/** How the offer is delivered to the customer */
export type OfferChannel =
  | 'CALL_CENTER'
  | 'EMAIL'
  | 'MOBILE_PUSH'
  | 'PARTNER'
  | 'SMS'
  | 'STORE'
  | 'WEB';

export type OfferContentBasis =
  /** The offer's own in-stock products, in designed order */
  | 'AS_DESIGNED'
  /** The offer's in-stock products in the categories the customer buys, told us they like or browsed, strongest first (TRANSPARENT) */
  | 'CATEGORY_AFFINITY'
  /** In-stock products bought together with what the customer bought (COLLABORATIVE) */
  | 'CO_PURCHASE';

/** Why an offer was picked: a targeting rule it matched, or a term of its score */
export type OfferReasonCode =
  /** The customer browsed or searched (PASSIVE interactions) a category of the offered products (score term) */
  | 'BROWSED_INTEREST'
  /** The customer bought in the categories of the offered products (score term) */
  | 'CATEGORY_AFFINITY'
  /** Customers who bought what this customer bought also bought the offered products (score term, COLLABORATIVE offers) */
  | 'CO_PURCHASE'
  /** The customer's RFM monetary score (score term) */
  | 'HIGH_VALUE'
  /** The customer is in one of the segments the offer targets */
  | 'IN_SEGMENT'
  /** The customer's lifecycle stage is one the offer targets */
  | 'LIFECYCLE_MATCH'
  /** Some of the offer's products are out of stock and were left out */
  | 'PARTLY_OUT_OF_STOCK'
  /** The offer's priority (score term) */
  | 'PRIORITY'
  /** The offer was shown to the customer recently (score penalty) */
  | 'RECENTLY_SHOWN'
  /** The customer told us (an ACTIVE interaction: survey, preference) they like a category of the offered products (score term) */
  | 'STATED_INTEREST'
  /** The offer targets the customer by segment, lifecycle or value rather than everyone (score term) */
  | 'TARGETED'
  /** The customer's value meets the offer's thresholds */
  | 'VALUE_MATCH'
  /** The customer did not consent to PROFILING: value took no part in the score */
  | 'VALUE_WITHHELD';

/** A reaction to an offer; the funnel runs SHOWN -> CLICKED -> ACCEPTED -> REDEEMED */
export type OfferResponseType =
  /** The customer took the offer (e.g. clipped the coupon) */
  | 'ACCEPTED'
  /** The customer opened or clicked the offer */
  | 'CLICKED'
  /** The customer explicitly said no */
  | 'DECLINED'
  /** The offer was used in an order (orderId required) */
  | 'REDEEMED'
  /** The offer reached the customer. For a customer held out of the campaign: the exposure that was suppressed (counts toward the holdout, never toward reach) */
  | 'SHOWN';

export type OfferStatus =
  /** Offered while inside its validity window and its campaign is ACTIVE */
  | 'ACTIVE'
  /** Being designed; never offered */
  | 'DRAFT'
  /** Finished for good (final) */
  | 'EXPIRED'
  /** Temporarily withdrawn; can be resumed */
  | 'PAUSED';

/** Replaces every targeting rule of the offer; omitted rules are no rules */
export type OfferTargetingInput = {
  frequencyCap?: FrequencyCapInput | null | undefined;
  lifecycleStages?: Array<LifecycleStage> | null | undefined;
  maxChurnRisk?: number | null | undefined;
  minMonetary?: number | null | undefined;
  minPredictedValue?: number | null | undefined;
  segmentIds?: Array<string | number> | null | undefined;
};

export type OrderLineInput = {
  quantity: number;
  sku: string;
  /** Defaults to the catalogue price */
  unitPrice?: number | null | undefined;
};

/** How the offer is tailored to the customer */
export type PersonalisationType =
  /** A standard offer the customer adapts to their own needs (choose the product, the moment, the option) */
  | 'ADAPTIVE'
  /** Designed in dialogue with the customer from needs they stated */
  | 'COLLABORATIVE'
  /** A standard offer whose presentation is personalised (name, imagery, wording) */
  | 'COSMETIC'
  /** Tailored from observed behaviour without the customer being asked; needs PERSONALISATION consent */
  | 'TRANSPARENT';

export type PostalAddressInput = {
  city?: string | null | undefined;
  countryCode?: string | null | undefined;
  line1?: string | null | undefined;
  line2?: string | null | undefined;
  postalCode?: string | null | undefined;
  region?: string | null | undefined;
};

/** One catalogue item as the ERP knows it; sending the same item again changes nothing */
export type ProductUpsertInput = {
  /** False retires the product: it is never offered, and orders already recorded keep it */
  active?: boolean;
  category: string;
  /** ISO 4217 code of price, e.g. EUR */
  currency: string;
  name: string;
  /** Unit price, at most two decimals; a change applies to orders from now on */
  price: number;
  sku: string;
};

export type RecordInteractionInput = {
  attributes?: Record<string, unknown> | null | undefined;
  channel: InteractionChannel;
  customerId: string | number;
  kind: InteractionKind;
  /** Defaults to now */
  occurredAt?: string | null | undefined;
  /** UPPER_SNAKE_CASE, e.g. PAGE_VIEW */
  type: string;
};

/** A reaction to an offer; replaying the same eventId with the same content is safe */
export type RecordOfferResponseInput = {
  channel: OfferChannel;
  customerId: string | number;
  /** The client's idempotency key, unique across all responses */
  eventId: string;
  /** Defaults to now; must not be in the future */
  occurredAt?: string | null | undefined;
  offerId: string | number;
  /** For an ADAPTIVE offer: the OfferOption.key the customer chose; must be one of the offer's options, refused for other offers */
  optionKey?: string | null | undefined;
  /** The Order (transactions subgraph) the offer was redeemed in: required for REDEEMED, refused otherwise */
  orderId?: string | number | null | undefined;
  /** Order value attributed to the redemption: >= 0, at most two decimals; only with REDEEMED */
  revenue?: number | null | undefined;
  type: OfferResponseType;
};

/** An order from a source system; replaying the same sourceSystem + externalId is safe */
export type RecordOrderInput = {
  channel: SalesChannel;
  /** ISO 4217 code; must match the catalogue currency of every line */
  currency: string;
  customerId: string | number;
  /** The order's id in the source system */
  externalId: string;
  lines: Array<OrderLineInput>;
  /** Defaults to now; must not be in the future */
  occurredAt?: string | null | undefined;
  /** e.g. webshop, pos, erp */
  sourceSystem: string;
};

/** Registers a partner customers may then consent to share data with */
export type RegisterPartnerInput = {
  description?: string | null | undefined;
  /** Lower-case slug, 3-64 characters of a-z, 0-9 and inner hyphens, e.g. partner-nordic-travel; partner tokens carry it as partner_id */
  id: string;
  name: string;
};

/** Where the order was placed */
export type SalesChannel =
  | 'CALL_CENTER'
  | 'MARKETPLACE'
  | 'MOBILE'
  | 'PARTNER'
  | 'STORE'
  | 'WEB';

/** One comparison: field, operator, values (numbers as decimal strings) */
export type SegmentConditionInput = {
  /** INTERACTION_ATTRIBUTE and INTERACTION_ATTRIBUTE_NUMBER: the attribute compared, e.g. category or nps */
  attributeKey?: string | null | undefined;
  field: SegmentField;
  /** Interaction conditions (not DAYS_SINCE_LAST_INTERACTION): only ACTIVE or only PASSIVE interactions */
  interactionKind?: InteractionKind | null | undefined;
  /** Interaction conditions (not DAYS_SINCE_LAST_INTERACTION): only interactions of this type, e.g. SURVEY_ANSWER */
  interactionType?: string | null | undefined;
  operator: SegmentOperator;
  /** CONSENT_GRANTED only: the grant must name this partner */
  partnerId?: string | number | null | undefined;
  /** One value for EQ/GT/GTE/LT/LTE, two for BETWEEN (low, high), up to 100 for IN */
  values: Array<string>;
  /** Only the last N days (interaction conditions but DAYS_SINCE_LAST_INTERACTION, PURCHASED_CATEGORY) */
  withinDays?: number | null | undefined;
};

/** What a segment condition looks at. Profile (customers): COUNTRY, REGION, ACQUISITION_CHANNEL, CUSTOMER_SINCE_DAYS, AGE. Interactions (customers): INTERACTION_COUNT (within withinDays, or ever), DAYS_SINCE_LAST_INTERACTION, INTERACTION_CHANNEL (any interaction on it), INTERACTION_TYPE (any interaction of that type, e.g. SURVEY_ANSWER), INTERACTION_KIND (ACTIVE: told us; PASSIVE: observed), INTERACTION_ATTRIBUTE (an interaction whose attributeKey attribute equals a value, case-insensitively, or lists it), INTERACTION_ATTRIBUTE_NUMBER (compares a numeric attribute, e.g. nps >= 9); every interaction condition but DAYS_SINCE_LAST_INTERACTION takes withinDays, and interactionType / interactionKind narrow which interactions it looks at. Value (transactions; only customers who consented to PROFILING ever match): RECENCY_DAYS, FREQUENCY, MONETARY, HISTORICAL_VALUE, PREDICTED_VALUE, CHURN_RISK, RFM_SEGMENT, LIFECYCLE_STAGE (not PROSPECT). Purchases (transactions): PURCHASED_CATEGORY (a completed order with a product of that category, within withinDays or ever). Consent (consent): CONSENT_GRANTED (a current grant for the purpose code, for partnerId when given) */
export type SegmentField =
  | 'ACQUISITION_CHANNEL'
  | 'AGE'
  | 'CHURN_RISK'
  | 'CONSENT_GRANTED'
  | 'COUNTRY'
  | 'CUSTOMER_SINCE_DAYS'
  | 'DAYS_SINCE_LAST_INTERACTION'
  | 'FREQUENCY'
  | 'HISTORICAL_VALUE'
  | 'INTERACTION_ATTRIBUTE'
  | 'INTERACTION_ATTRIBUTE_NUMBER'
  | 'INTERACTION_CHANNEL'
  | 'INTERACTION_COUNT'
  | 'INTERACTION_KIND'
  | 'INTERACTION_TYPE'
  | 'LIFECYCLE_STAGE'
  | 'MONETARY'
  | 'PREDICTED_VALUE'
  | 'PURCHASED_CATEGORY'
  | 'RECENCY_DAYS'
  | 'REGION'
  | 'RFM_SEGMENT';

/** EQ and IN for every field; GT, GTE, LT, LTE (one value) and BETWEEN (two values, inclusive) for numeric fields */
export type SegmentOperator =
  | 'BETWEEN'
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'IN'
  | 'LT'
  | 'LTE';

/** A node of a segment rule: set exactly one of all, any, not, condition (at most 6 levels, 50 nodes) */
export type SegmentRuleInput = {
  /** Every rule holds */
  all?: Array<SegmentRuleInput> | null | undefined;
  /** At least one rule holds */
  any?: Array<SegmentRuleInput> | null | undefined;
  condition?: SegmentConditionInput | null | undefined;
  /** The rule does not hold (every customer not matched by it) */
  not?: SegmentRuleInput | null | undefined;
};

/** The absolute level of one sku, as counted by the ERP */
export type StockLevelInput = {
  /** Units on hand; 0 takes the product out of every offer */
  level: number;
  sku: string;
};

/** One ERP stock movement (goods received, shrinkage, transfer...); replaying its movementId is safe */
export type StockMovementInput = {
  /** Units added (positive) or removed (negative) */
  delta: number;
  /** The movement's id in the ERP: its idempotency key */
  movementId: string;
  /** When it happened in the ERP; only movements after the last stock level move current stock */
  occurredAt: string;
  sku: string;
};

/** Writes a new version; fields left out keep their current value */
export type UpdateSegmentInput = {
  description?: string | null | undefined;
  name?: string | null | undefined;
  rule?: SegmentRuleInput | null | undefined;
};

/** RUNNING until the refresh commits (DONE) or gives up (FAILED) */
export type ValueRefreshJobState =
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

export type WithdrawConsentInput = {
  channel: ConsentChannel;
  /** The customer (UUID) */
  customerId: string | number;
  /** Required for partner-scoped purposes (PARTNER_SHARING), refused for others */
  partnerId?: string | number | null | undefined;
  /** A CONSENT purpose, e.g. MARKETING */
  purposeCode: string;
};

export type RevenueBySalesChannelQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type RevenueBySalesChannelQuery = { revenue: { suppressedGroups: number, epsilon: number, buckets: Array<{ key: string, currency: string, customers: number, orders: number, revenue: number }>, privacyBudget: { epsilonSpent: number, epsilonRemaining: number, resetsAt: string } } | null };

export type CustomerCountsByChannelQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerCountsByChannelQuery = { customerCounts: { buckets: Array<{ key: string, customers: number }> } | null };

export type CustomerCountsPrivacyBudgetQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerCountsPrivacyBudgetQuery = { customerCountsPrivacyBudget: { epsilonSpent: number, epsilonRemaining: number, epsilonPerQuery: number, resetsAt: string } };

export type RevenuePrivacyBudgetQueryVariables = Exact<{ [key: string]: never; }>;


export type RevenuePrivacyBudgetQuery = { revenuePrivacyBudget: { epsilonSpent: number, epsilonRemaining: number } };

export type CampaignPerformancePrivacyBudgetQueryVariables = Exact<{ [key: string]: never; }>;


export type CampaignPerformancePrivacyBudgetQuery = { campaignPerformancePrivacyBudget: { epsilonSpent: number, epsilonRemaining: number } };

export type CampaignPerformanceFiguresQueryVariables = Exact<{
  id: string | number;
}>;


export type CampaignPerformanceFiguresQuery = { campaign: { id: string, performance: { reach: number, attributedRevenue: number, redeemed: { customers: number, responses: number }, byChannel: Array<{ channel: OfferChannel, reach: number, attributedRevenue: number }> } | null } | null };

export type SegmentVersionSizesQueryVariables = Exact<{ [key: string]: never; }>;


export type SegmentVersionSizesQuery = { segments: { edges: Array<{ node: { id: string, versions: Array<{ memberCount: number | null }> } }> } | null };

export type CustomerCountsByCountryQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerCountsByCountryQuery = { customerCounts: { minimumGroupSize: number, countedCustomers: number, suppressedGroups: number, buckets: Array<{ key: string, customers: number }> } | null };

export type BiRowsAttemptQueryVariables = Exact<{ [key: string]: never; }>;


export type BiRowsAttemptQuery = { customers: { totalCount: number } | null };

export type Customer360PageQueryVariables = Exact<{
  first: number;
}>;


export type Customer360PageQuery = { customers: { edges: Array<{ node: { displayName: string | null, orders: { edges: Array<{ node: { total: number | null } }> } | null, purchaseSummary: { orderCount: number } | null, value: { lifecycleStage: LifecycleStage | null, scoringWithheld: boolean } | null, consents: Array<{ purpose: { code: string } }>, eligibleOffers: Array<{ id: string }> | null, nextBestOffers: Array<{ score: number, offer: { id: string }, content: { products: Array<{ sku: string }> } }> | null } }> } | null };

export type CustomerProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerProfileQuery = { customer: { id: string, displayName: string | null, givenName: string | null, familyName: string | null, email: string | null, phone: string | null, birthDate: string | null, locale: string | null, acquisitionChannel: AcquisitionChannel, address: { city: string | null, countryCode: string | null } | null, externalIds: Array<{ system: string, id: string }> | null } | null };

export type CustomerByExternalIdQueryVariables = Exact<{
  system: string;
  id: string;
}>;


export type CustomerByExternalIdQuery = { customerByExternalId: { id: string, displayName: string | null } | null };

export type CustomerPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CustomerFilter | null | undefined;
}>;


export type CustomerPageQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, displayName: string | null } }> } | null };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { id: string, displayName: string | null, email: string | null } };

export type RecordInteractionMutationVariables = Exact<{
  input: RecordInteractionInput;
}>;


export type RecordInteractionMutation = { recordInteraction: { id: string, type: string, kind: InteractionKind } };

export type UpsertProductsMutationVariables = Exact<{
  inputs: Array<ProductUpsertInput> | ProductUpsertInput;
}>;


export type UpsertProductsMutation = { upsertProducts: { created: number, updated: number, unchanged: number, products: Array<{ sku: string, change: CatalogueChange }> } };

export type SetStockLevelsMutationVariables = Exact<{
  snapshotId: string;
  asOf: string;
  levels: Array<StockLevelInput> | StockLevelInput;
}>;


export type SetStockLevelsMutation = { setStockLevels: { replayed: boolean, applied: number, staleSkus: Array<string> } };

export type AdjustStockMutationVariables = Exact<{
  movements: Array<StockMovementInput> | StockMovementInput;
}>;


export type AdjustStockMutation = { adjustStock: { recorded: number, replayed: number } };

export type ProductStockQueryVariables = Exact<{
  sku: string;
}>;


export type ProductStockQuery = { product: { sku: string, price: number, stockLevel: number, stockBalance: number, inStock: boolean, active: boolean } | null };

export type CustomerMergeFieldsFragment = { id: string, survivorId: string, mergedId: string, state: CustomerMergeState, undoUntil: string, failure: string | null, moved: Array<{ subgraph: string, table: string, rows: number }> };

export type DuplicateCandidatesQueryVariables = Exact<{
  customerId: string | number;
}>;


export type DuplicateCandidatesQuery = { duplicateCandidates: Array<{ customer: { id: string }, evidence: Array<{ identifier: MatchIdentifier, rule: string, system: string | null }> | null }> };

export type MergeCustomersMutationVariables = Exact<{
  survivorId: string | number;
  mergedId: string | number;
}>;


export type MergeCustomersMutation = { mergeCustomers: { id: string, survivorId: string, mergedId: string, state: CustomerMergeState, undoUntil: string, failure: string | null, moved: Array<{ subgraph: string, table: string, rows: number }> } };

export type UnmergeCustomersMutationVariables = Exact<{
  mergeId: string | number;
}>;


export type UnmergeCustomersMutation = { unmergeCustomers: { id: string, survivorId: string, mergedId: string, state: CustomerMergeState, undoUntil: string, failure: string | null, moved: Array<{ subgraph: string, table: string, rows: number }> } };

export type CustomerMergeStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerMergeStatusQuery = { customerMerge: { id: string, survivorId: string, mergedId: string, state: CustomerMergeState, undoUntil: string, failure: string | null, moved: Array<{ subgraph: string, table: string, rows: number }> } };

export type OnePersonViewQueryVariables = Exact<{
  id: string | number;
}>;


export type OnePersonViewQuery = { customer: { id: string, externalIds: Array<{ system: string, id: string }> | null, interactions: { totalCount: number } | null, orders: { totalCount: number } | null, offerResponses: { totalCount: number } | null, disclosures: { totalCount: number }, consents: Array<{ status: ConsentStatus, channel: ConsentChannel, purpose: { code: string }, partner: { id: string } | null }>, consentHistory: { totalCount: number, edges: Array<{ node: { status: ConsentStatus, channel: ConsentChannel, clientId: string } }> } } | null };

export type CreateCampaignMutationVariables = Exact<{
  input: CreateCampaignInput;
}>;


export type CreateCampaignMutation = { createCampaign: { id: string } };

export type CreateOfferMutationVariables = Exact<{
  input: CreateOfferInput;
}>;


export type CreateOfferMutation = { createOffer: { id: string, name: string, targeting: { lifecycleStages: Array<LifecycleStage>, minMonetary: number | null, frequencyCap: { maxExposures: number, withinDays: number } | null } } };

export type CustomerNextBestOffersQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type CustomerNextBestOffersQuery = { customer: { id: string, eligibleOffers: Array<{ id: string, name: string }> | null, nextBestOffers: Array<{ rank: number, score: number, offer: { id: string, name: string, personalisationType: PersonalisationType }, reasons: Array<{ code: OfferReasonCode, text: string, contribution: number }>, presentation: { headline: string, greetingTemplate: string | null, personalised: boolean, becauseYouBought: Array<{ sku: string }> }, content: { basis: OfferContentBasis, personalised: boolean, products: Array<{ sku: string, inStock: boolean }> }, options: Array<{ key: string, product: { sku: string } }>, customer: { givenName: string | null } }> | null } | null };

export type RefreshCustomerValuesMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshCustomerValuesMutation = { refreshCustomerValues: { id: string, state: ValueRefreshJobState } };

export type ValueRefreshJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ValueRefreshJobQuery = { valueRefreshJob: { id: string, state: ValueRefreshJobState, customersRefreshed: number | null, failure: string | null } | null };

export type GrantConsentMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type GrantConsentMutation = { grantConsent: { status: ConsentStatus } };

export type WithdrawConsentMutationVariables = Exact<{
  input: WithdrawConsentInput;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { status: ConsentStatus } };

export type RecordOrderMutationVariables = Exact<{
  input: RecordOrderInput;
}>;


export type RecordOrderMutation = { recordOrder: { id: string } };

export type CustomerContactQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerContactQuery = { customer: { id: string, displayName: string | null, email: string | null } | null };

export type PartnerViewQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerViewQuery = { customer: { phone: string | null, id: string, displayName: string | null, email: string | null, birthDate: string | null, address: { city: string | null } | null } | null };

export type PartnerFieldsFragment = { phone: string | null, id: string, displayName: string | null, email: string | null, birthDate: string | null, address: { city: string | null } | null };

export type TwoCustomersByAliasQueryVariables = Exact<{
  visible: string | number;
  hidden: string | number;
}>;


export type TwoCustomersByAliasQuery = { seen: { email: string | null } | null, unseen: { email: string | null } | null };

export type PartnerCustomerListQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerCustomerListQuery = { customers: { totalCount: number, edges: Array<{ node: { id: string, email: string | null } }> } | null };

export type OrderWithCustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderWithCustomerQuery = { order: { id: string, total: number | null, customer: { id: string, email: string | null } } | null };

export type CustomerDisclosuresQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerDisclosuresQuery = { customer: { id: string, disclosures: { totalCount: number, edges: Array<{ node: { clientId: string, purposeCode: string, categories: Array<string>, subgraph: string, partner: { id: string } | null } }> } } | null };

export type CustomerValueScoresQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerValueScoresQuery = { customer: { id: string, value: { scoringWithheld: boolean, lifecycleStage: LifecycleStage | null } | null } | null };

export type RegisterPartnerMutationVariables = Exact<{
  input: RegisterPartnerInput;
}>;


export type RegisterPartnerMutation = { registerPartner: { id: string, name: string, active: boolean } };

export type SetPartnerActiveMutationVariables = Exact<{
  id: string | number;
  active: boolean;
}>;


export type SetPartnerActiveMutation = { setPartnerActive: { id: string, active: boolean } };

export type CreateSegmentMutationVariables = Exact<{
  input: CreateSegmentInput;
}>;


export type CreateSegmentMutation = { createSegment: { id: string, name: string, version: number, memberCount: number | null, evaluatedAt: string | null } };

export type UpdateSegmentMutationVariables = Exact<{
  id: string | number;
  input: UpdateSegmentInput;
}>;


export type UpdateSegmentMutation = { updateSegment: { id: string, version: number, memberCount: number | null, versions: Array<{ version: number, rule: Record<string, unknown> }> } };

export type RefreshSegmentMutationVariables = Exact<{
  id: string | number;
}>;


export type RefreshSegmentMutation = { refreshSegment: { id: string, memberCount: number | null, evaluatedAt: string | null } };

export type SegmentMembersQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SegmentMembersQuery = { segment: { id: string, name: string, version: number, memberCount: number | null, evaluatedAt: string | null, members: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, displayName: string | null } }> } | null } | null };

export type SegmentListQueryVariables = Exact<{ [key: string]: never; }>;


export type SegmentListQuery = { segments: { totalCount: number, edges: Array<{ node: { id: string, name: string, memberCount: number | null } }> } | null };

export type SegmentSizesQueryVariables = Exact<{
  since?: string | null | undefined;
}>;


export type SegmentSizesQuery = { segments: { totalCount: number, edges: Array<{ node: { id: string, name: string, purpose: string, memberCount: number | null, evaluatedAt: string | null, versions: Array<{ version: number, purpose: string, evaluatedAt: string | null, memberCount: number | null }>, sizeHistory: { withheldVersions: Array<number>, points: Array<{ at: string, version: number, memberCount: number }> } | null } }> } | null };

export type SubjectRequestFieldsFragment = { id: string, customerId: string, kind: DataSubjectRequestKind, status: DataSubjectRequestStatus, completedAt: string | null, parts: Array<{ subgraph: string, status: DataSubjectRequestStatus, reason: string | null, attempts: number, nextAttemptAt: string | null }> };

export type RequestDataAccessMutationVariables = Exact<{
  customerId: string | number;
}>;


export type RequestDataAccessMutation = { requestDataAccess: { accessDocument: Record<string, unknown> | null, id: string, customerId: string, kind: DataSubjectRequestKind, status: DataSubjectRequestStatus, completedAt: string | null, parts: Array<{ subgraph: string, status: DataSubjectRequestStatus, reason: string | null, attempts: number, nextAttemptAt: string | null }> } };

export type RequestErasureMutationVariables = Exact<{
  customerId: string | number;
}>;


export type RequestErasureMutation = { requestErasure: { id: string, customerId: string, kind: DataSubjectRequestKind, status: DataSubjectRequestStatus, completedAt: string | null, parts: Array<{ subgraph: string, status: DataSubjectRequestStatus, reason: string | null, attempts: number, nextAttemptAt: string | null }> } };

export type ResumeDataSubjectRequestMutationVariables = Exact<{
  id: string | number;
}>;


export type ResumeDataSubjectRequestMutation = { resumeDataSubjectRequest: { id: string, customerId: string, kind: DataSubjectRequestKind, status: DataSubjectRequestStatus, completedAt: string | null, parts: Array<{ subgraph: string, status: DataSubjectRequestStatus, reason: string | null, attempts: number, nextAttemptAt: string | null }> } };

export type DataSubjectRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type DataSubjectRequestQuery = { dataSubjectRequest: { accessDocument: Record<string, unknown> | null, id: string, customerId: string, kind: DataSubjectRequestKind, status: DataSubjectRequestStatus, completedAt: string | null, parts: Array<{ subgraph: string, status: DataSubjectRequestStatus, reason: string | null, attempts: number, nextAttemptAt: string | null }> } | null };

export type DataSubjectRequestsQueryVariables = Exact<{
  customerId: string | number;
}>;


export type DataSubjectRequestsQuery = { dataSubjectRequests: Array<{ id: string, kind: DataSubjectRequestKind, status: DataSubjectRequestStatus }> | null };

export type RecordOfferResponsesMutationVariables = Exact<{
  inputs: Array<RecordOfferResponseInput> | RecordOfferResponseInput;
}>;


export type RecordOfferResponsesMutation = { recordOfferResponses: Array<{ id: string }> };

export type ActiveOffersQueryVariables = Exact<{ [key: string]: never; }>;


export type ActiveOffersQuery = { offers: { edges: Array<{ node: { id: string } }> } | null };

export type VerifyConsentLedgerQueryVariables = Exact<{
  customerId: string | number;
}>;


export type VerifyConsentLedgerQuery = { verifyConsentLedger: { valid: boolean, eventsChecked: number, firstBrokenEventId: string | null } | null };

export const CustomerMergeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerMergeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerMerge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"survivorId"}},{"kind":"Field","name":{"kind":"Name","value":"mergedId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"undoUntil"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"moved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}}]} as unknown as DocumentNode<CustomerMergeFieldsFragment, unknown>;
export const PartnerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]} as unknown as DocumentNode<PartnerFieldsFragment, unknown>;
export const SubjectRequestFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubjectRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSubjectRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<SubjectRequestFieldsFragment, unknown>;
export const RevenueBySalesChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevenueBySalesChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revenue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"SALES_CHANNEL"}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppressedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"epsilon"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"customers"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"privacyBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epsilonSpent"}},{"kind":"Field","name":{"kind":"Name","value":"epsilonRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevenueBySalesChannelQuery, RevenueBySalesChannelQueryVariables>;
export const CustomerCountsByChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerCountsByChannel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"ACQUISITION_CHANNEL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"customers"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerCountsByChannelQuery, CustomerCountsByChannelQueryVariables>;
export const CustomerCountsPrivacyBudgetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerCountsPrivacyBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerCountsPrivacyBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epsilonSpent"}},{"kind":"Field","name":{"kind":"Name","value":"epsilonRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"epsilonPerQuery"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}}]}}]} as unknown as DocumentNode<CustomerCountsPrivacyBudgetQuery, CustomerCountsPrivacyBudgetQueryVariables>;
export const RevenuePrivacyBudgetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevenuePrivacyBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revenuePrivacyBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epsilonSpent"}},{"kind":"Field","name":{"kind":"Name","value":"epsilonRemaining"}}]}}]}}]} as unknown as DocumentNode<RevenuePrivacyBudgetQuery, RevenuePrivacyBudgetQueryVariables>;
export const CampaignPerformancePrivacyBudgetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CampaignPerformancePrivacyBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaignPerformancePrivacyBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epsilonSpent"}},{"kind":"Field","name":{"kind":"Name","value":"epsilonRemaining"}}]}}]}}]} as unknown as DocumentNode<CampaignPerformancePrivacyBudgetQuery, CampaignPerformancePrivacyBudgetQueryVariables>;
export const CampaignPerformanceFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CampaignPerformanceFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reach"}},{"kind":"Field","name":{"kind":"Name","value":"attributedRevenue"}},{"kind":"Field","name":{"kind":"Name","value":"redeemed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"}},{"kind":"Field","name":{"kind":"Name","value":"responses"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byChannel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"reach"}},{"kind":"Field","name":{"kind":"Name","value":"attributedRevenue"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CampaignPerformanceFiguresQuery, CampaignPerformanceFiguresQueryVariables>;
export const SegmentVersionSizesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SegmentVersionSizes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SegmentVersionSizesQuery, SegmentVersionSizesQueryVariables>;
export const CustomerCountsByCountryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerCountsByCountry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"COUNTRY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumGroupSize"}},{"kind":"Field","name":{"kind":"Name","value":"countedCustomers"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"customers"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerCountsByCountryQuery, CustomerCountsByCountryQueryVariables>;
export const BiRowsAttemptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BiRowsAttempt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<BiRowsAttemptQuery, BiRowsAttemptQueryVariables>;
export const Customer360PageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Customer360Page"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchaseSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lifecycleStage"}},{"kind":"Field","name":{"kind":"Name","value":"scoringWithheld"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purpose"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibleOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextBestOffers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<Customer360PageQuery, Customer360PageQueryVariables>;
export const CustomerProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"acquisitionChannel"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerProfileQuery, CustomerProfileQueryVariables>;
export const CustomerByExternalIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerByExternalId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"system"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerByExternalId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"system"},"value":{"kind":"Variable","name":{"kind":"Name","value":"system"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<CustomerByExternalIdQuery, CustomerByExternalIdQueryVariables>;
export const CustomerPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerPageQuery, CustomerPageQueryVariables>;
export const CreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const RecordInteractionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordInteraction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordInteractionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordInteraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<RecordInteractionMutation, RecordInteractionMutationVariables>;
export const UpsertProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductUpsertInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"change"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertProductsMutation, UpsertProductsMutationVariables>;
export const SetStockLevelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetStockLevels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"snapshotId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"levels"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StockLevelInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setStockLevels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"snapshotId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"snapshotId"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"levels"},"value":{"kind":"Variable","name":{"kind":"Name","value":"levels"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"staleSkus"}}]}}]}}]} as unknown as DocumentNode<SetStockLevelsMutation, SetStockLevelsMutationVariables>;
export const AdjustStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"movements"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StockMovementInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"movements"},"value":{"kind":"Variable","name":{"kind":"Name","value":"movements"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recorded"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<AdjustStockMutation, AdjustStockMutationVariables>;
export const ProductStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"stockLevel"}},{"kind":"Field","name":{"kind":"Name","value":"stockBalance"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<ProductStockQuery, ProductStockQueryVariables>;
export const DuplicateCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DuplicateCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicateCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"system"}}]}}]}}]}}]} as unknown as DocumentNode<DuplicateCandidatesQuery, DuplicateCandidatesQueryVariables>;
export const MergeCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MergeCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"survivorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mergedId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"survivorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"survivorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"mergedId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mergedId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerMergeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerMergeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerMerge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"survivorId"}},{"kind":"Field","name":{"kind":"Name","value":"mergedId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"undoUntil"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"moved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}}]} as unknown as DocumentNode<MergeCustomersMutation, MergeCustomersMutationVariables>;
export const UnmergeCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnmergeCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mergeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmergeCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mergeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mergeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerMergeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerMergeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerMerge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"survivorId"}},{"kind":"Field","name":{"kind":"Name","value":"mergedId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"undoUntil"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"moved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}}]} as unknown as DocumentNode<UnmergeCustomersMutation, UnmergeCustomersMutationVariables>;
export const CustomerMergeStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerMergeStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerMerge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerMergeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerMergeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerMerge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"survivorId"}},{"kind":"Field","name":{"kind":"Name","value":"mergedId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"undoUntil"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"moved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}}]} as unknown as DocumentNode<CustomerMergeStatusQuery, CustomerMergeStatusQueryVariables>;
export const OnePersonViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnePersonView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offerResponses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disclosures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consentHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OnePersonViewQuery, OnePersonViewQueryVariables>;
export const CreateCampaignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCampaignInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateCampaignMutation, CreateCampaignMutationVariables>;
export const CreateOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"targeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lifecycleStages"}},{"kind":"Field","name":{"kind":"Name","value":"minMonetary"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyCap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxExposures"}},{"kind":"Field","name":{"kind":"Name","value":"withinDays"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateOfferMutation, CreateOfferMutationVariables>;
export const CustomerNextBestOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerNextBestOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextBestOffers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"personalisationType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}},{"kind":"Field","name":{"kind":"Name","value":"presentation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"greetingTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"personalised"}},{"kind":"Field","name":{"kind":"Name","value":"becauseYouBought"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"personalised"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerNextBestOffersQuery, CustomerNextBestOffersQueryVariables>;
export const RefreshCustomerValuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshCustomerValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshCustomerValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RefreshCustomerValuesMutation, RefreshCustomerValuesMutationVariables>;
export const ValueRefreshJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ValueRefreshJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valueRefreshJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"customersRefreshed"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}}]}}]}}]} as unknown as DocumentNode<ValueRefreshJobQuery, ValueRefreshJobQueryVariables>;
export const GrantConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<GrantConsentMutation, GrantConsentMutationVariables>;
export const WithdrawConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const RecordOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordOrderMutation, RecordOrderMutationVariables>;
export const CustomerContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<CustomerContactQuery, CustomerContactQueryVariables>;
export const PartnerViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]} as unknown as DocumentNode<PartnerViewQuery, PartnerViewQueryVariables>;
export const TwoCustomersByAliasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TwoCustomersByAlias"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visible"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hidden"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"seen"},"name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visible"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"unseen"},"name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hidden"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<TwoCustomersByAliasQuery, TwoCustomersByAliasQueryVariables>;
export const PartnerCustomerListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerCustomerList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerCustomerListQuery, PartnerCustomerListQueryVariables>;
export const OrderWithCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderWithCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<OrderWithCustomerQuery, OrderWithCustomerQueryVariables>;
export const CustomerDisclosuresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDisclosures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disclosures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"purposeCode"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"subgraph"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerDisclosuresQuery, CustomerDisclosuresQueryVariables>;
export const CustomerValueScoresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerValueScores"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoringWithheld"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycleStage"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerValueScoresQuery, CustomerValueScoresQueryVariables>;
export const RegisterPartnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterPartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterPartnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerPartner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<RegisterPartnerMutation, RegisterPartnerMutationVariables>;
export const SetPartnerActiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPartnerActive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"active"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPartnerActive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"active"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<SetPartnerActiveMutation, SetPartnerActiveMutationVariables>;
export const CreateSegmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSegmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}}]}}]}}]} as unknown as DocumentNode<CreateSegmentMutation, CreateSegmentMutationVariables>;
export const UpdateSegmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSegmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSegmentMutation, UpdateSegmentMutationVariables>;
export const RefreshSegmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}}]}}]}}]} as unknown as DocumentNode<RefreshSegmentMutation, RefreshSegmentMutationVariables>;
export const SegmentMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SegmentMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SegmentMembersQuery, SegmentMembersQueryVariables>;
export const SegmentListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SegmentList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SegmentListQuery, SegmentListQueryVariables>;
export const SegmentSizesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SegmentSizes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sizeHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withheldVersions"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SegmentSizesQuery, SegmentSizesQueryVariables>;
export const RequestDataAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestDataAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestDataAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectRequestFields"}},{"kind":"Field","name":{"kind":"Name","value":"accessDocument"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubjectRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSubjectRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<RequestDataAccessMutation, RequestDataAccessMutationVariables>;
export const RequestErasureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestErasure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestErasure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectRequestFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubjectRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSubjectRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<RequestErasureMutation, RequestErasureMutationVariables>;
export const ResumeDataSubjectRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeDataSubjectRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeDataSubjectRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectRequestFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubjectRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSubjectRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<ResumeDataSubjectRequestMutation, ResumeDataSubjectRequestMutationVariables>;
export const DataSubjectRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataSubjectRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataSubjectRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectRequestFields"}},{"kind":"Field","name":{"kind":"Name","value":"accessDocument"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubjectRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSubjectRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<DataSubjectRequestQuery, DataSubjectRequestQueryVariables>;
export const DataSubjectRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataSubjectRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataSubjectRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DataSubjectRequestsQuery, DataSubjectRequestsQueryVariables>;
export const RecordOfferResponsesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordOfferResponses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordOfferResponseInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordOfferResponses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordOfferResponsesMutation, RecordOfferResponsesMutationVariables>;
export const ActiveOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActiveOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActiveOffersQuery, ActiveOffersQueryVariables>;
export const VerifyConsentLedgerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyConsentLedger"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyConsentLedger"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"eventsChecked"}},{"kind":"Field","name":{"kind":"Name","value":"firstBrokenEventId"}}]}}]}}]} as unknown as DocumentNode<VerifyConsentLedgerQuery, VerifyConsentLedgerQueryVariables>;