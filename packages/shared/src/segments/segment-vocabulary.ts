import { PersonalDataCategory } from '../privacy/personal-data';

/**
 * The closed vocabulary of segment conditions, shared by the subgraphs that evaluate them:
 * customers (which owns segments and the profile / interaction fields), transactions (value
 * and purchase behaviour) and consent (grants). Each field has exactly one owning subgraph;
 * only the owner ever evaluates it, over its own tables.
 */
export enum SegmentField {
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  ACQUISITION_CHANNEL = 'ACQUISITION_CHANNEL',
  CUSTOMER_SINCE_DAYS = 'CUSTOMER_SINCE_DAYS',
  AGE = 'AGE',
  INTERACTION_COUNT = 'INTERACTION_COUNT',
  DAYS_SINCE_LAST_INTERACTION = 'DAYS_SINCE_LAST_INTERACTION',
  INTERACTION_CHANNEL = 'INTERACTION_CHANNEL',
  INTERACTION_TYPE = 'INTERACTION_TYPE',
  INTERACTION_KIND = 'INTERACTION_KIND',
  INTERACTION_ATTRIBUTE = 'INTERACTION_ATTRIBUTE',
  INTERACTION_ATTRIBUTE_NUMBER = 'INTERACTION_ATTRIBUTE_NUMBER',
  RECENCY_DAYS = 'RECENCY_DAYS',
  FREQUENCY = 'FREQUENCY',
  MONETARY = 'MONETARY',
  HISTORICAL_VALUE = 'HISTORICAL_VALUE',
  PREDICTED_VALUE = 'PREDICTED_VALUE',
  CHURN_RISK = 'CHURN_RISK',
  RFM_SEGMENT = 'RFM_SEGMENT',
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
  PURCHASED_CATEGORY = 'PURCHASED_CATEGORY',
  CONSENT_GRANTED = 'CONSENT_GRANTED',
}

export enum SegmentOperator {
  EQ = 'EQ',
  IN = 'IN',
  GT = 'GT',
  GTE = 'GTE',
  LT = 'LT',
  LTE = 'LTE',
  BETWEEN = 'BETWEEN',
}

export type SegmentFieldOwner = 'customers' | 'transactions' | 'consent';

export interface SegmentFieldSpec {
  owner: SegmentFieldOwner;
  /** NUMBER values are decimal strings compared numerically; TEXT values are compared as given (after normalising). */
  kind: 'NUMBER' | 'TEXT';
  /** For enum-like TEXT fields: the only values that can ever match (the owner's test keeps this list in step with its enum). */
  allowedValues?: readonly string[];
  /** A TEXT value's shape, when the field is open-ended. */
  pattern?: RegExp;
  /** Whether `withinDays` narrows the condition to the last N days. */
  withinDays?: boolean;
  /** Whether `partnerId` may name a partner (consent for sharing with that partner). */
  partner?: boolean;
  /** TEXT values are upper-cased before comparison. */
  upperCase?: boolean;
  /** TEXT values are lower-cased before comparison (and compared with the lower-cased data). */
  lowerCase?: boolean;
  /** Whether `interactionType` / `interactionKind` may narrow which interactions the condition looks at. */
  interactionFilter?: boolean;
  /** Whether the condition needs an `attributeKey` (which attribute of the interaction it compares). */
  attributeKey?: boolean;
  /** The personal-data categories the condition reads: it may only match customers for whom all are released to the segment's purpose. */
  categories: readonly PersonalDataCategory[];
}

const NUMERIC_OPERATORS = Object.values(SegmentOperator);
export const TEXT_OPERATORS: readonly SegmentOperator[] = [SegmentOperator.EQ, SegmentOperator.IN];
export const operatorsOf = (spec: SegmentFieldSpec): readonly SegmentOperator[] => (spec.kind === 'NUMBER' ? NUMERIC_OPERATORS : TEXT_OPERATORS);

export const ACQUISITION_CHANNELS = ['WEB', 'MOBILE', 'STORE', 'CALL_CENTER', 'EMAIL', 'PARTNER', 'REFERRAL', 'SOCIAL'] as const;
export const INTERACTION_CHANNELS = ['WEB', 'EMAIL', 'MOBILE', 'STORE', 'CALL_CENTER', 'PARTNER'] as const;
export const INTERACTION_KINDS = ['ACTIVE', 'PASSIVE'] as const;
export const RFM_SEGMENTS = ['CHAMPIONS', 'LOYAL', 'POTENTIAL_LOYALIST', 'NEW', 'PROMISING', 'NEED_ATTENTION', 'AT_RISK', 'CANT_LOSE', 'HIBERNATING', 'LOST'] as const;
/** PROSPECT is not a condition value: a prospect has no value row, and transactions cannot list customers it never saw (use NOT). */
export const SCORED_LIFECYCLE_STAGES = ['NEW', 'ACTIVE', 'AT_RISK', 'LAPSED'] as const;

type Extra = Partial<Omit<SegmentFieldSpec, 'categories'>>;
const number = (owner: SegmentFieldOwner, categories: readonly PersonalDataCategory[], extra: Extra = {}): SegmentFieldSpec => ({ owner, kind: 'NUMBER', categories, ...extra });
const text = (owner: SegmentFieldOwner, categories: readonly PersonalDataCategory[], extra: Extra): SegmentFieldSpec => ({ owner, kind: 'TEXT', categories, ...extra });

const { LOCATION, DEMOGRAPHIC, BEHAVIOURAL, FINANCIAL } = PersonalDataCategory;
/** Value scores are FINANCIAL like Customer.value; those that also describe how the customer buys are BEHAVIOURAL too (the union of their inputs). */
const VALUE = [FINANCIAL];
const BUYING = [FINANCIAL, BEHAVIOURAL];

// Categories follow the fields the condition reads (schema/data-map.json): address -> LOCATION,
// birthDate -> DEMOGRAPHIC, interactions -> BEHAVIOURAL, value -> FINANCIAL, order lines -> FINANCIAL.
// Acquisition channel, signup date and consent status are not personal-data fields.
export const SEGMENT_FIELDS: Readonly<Record<SegmentField, SegmentFieldSpec>> = {
  [SegmentField.COUNTRY]: text('customers', [LOCATION], { pattern: /^[A-Z]{2}$/, upperCase: true }),
  [SegmentField.REGION]: text('customers', [LOCATION], { pattern: /^.{1,100}$/ }),
  [SegmentField.ACQUISITION_CHANNEL]: text('customers', [], { allowedValues: ACQUISITION_CHANNELS }),
  [SegmentField.CUSTOMER_SINCE_DAYS]: number('customers', []),
  [SegmentField.AGE]: number('customers', [DEMOGRAPHIC]),
  [SegmentField.INTERACTION_COUNT]: number('customers', [BEHAVIOURAL], { withinDays: true, interactionFilter: true }),
  [SegmentField.DAYS_SINCE_LAST_INTERACTION]: number('customers', [BEHAVIOURAL]),
  [SegmentField.INTERACTION_CHANNEL]: text('customers', [BEHAVIOURAL], { allowedValues: INTERACTION_CHANNELS, withinDays: true, interactionFilter: true }),
  [SegmentField.INTERACTION_TYPE]: text('customers', [BEHAVIOURAL], { pattern: /^[A-Z][A-Z0-9_]{1,63}$/, upperCase: true, withinDays: true }),
  [SegmentField.INTERACTION_KIND]: text('customers', [BEHAVIOURAL], { allowedValues: INTERACTION_KINDS, upperCase: true, withinDays: true, interactionFilter: true }),
  [SegmentField.INTERACTION_ATTRIBUTE]: text('customers', [BEHAVIOURAL], { pattern: /^.{1,200}$/, lowerCase: true, withinDays: true, interactionFilter: true, attributeKey: true }),
  [SegmentField.INTERACTION_ATTRIBUTE_NUMBER]: number('customers', [BEHAVIOURAL], { withinDays: true, interactionFilter: true, attributeKey: true }),
  [SegmentField.RECENCY_DAYS]: number('transactions', BUYING),
  [SegmentField.FREQUENCY]: number('transactions', BUYING),
  [SegmentField.MONETARY]: number('transactions', VALUE),
  [SegmentField.HISTORICAL_VALUE]: number('transactions', VALUE),
  [SegmentField.PREDICTED_VALUE]: number('transactions', VALUE),
  [SegmentField.CHURN_RISK]: number('transactions', BUYING),
  [SegmentField.RFM_SEGMENT]: text('transactions', BUYING, { allowedValues: RFM_SEGMENTS }),
  [SegmentField.LIFECYCLE_STAGE]: text('transactions', BUYING, { allowedValues: SCORED_LIFECYCLE_STAGES }),
  [SegmentField.PURCHASED_CATEGORY]: text('transactions', BUYING, { pattern: /^.{1,100}$/, withinDays: true }),
  [SegmentField.CONSENT_GRANTED]: text('consent', [], { pattern: /^[A-Z][A-Z0-9_]{1,63}$/, upperCase: true, partner: true }),
};

/** Value conditions: scores from the value analysis, which only ever match customers who consented to PROFILING. */
export const VALUE_FIELDS: ReadonlySet<SegmentField> = new Set([
  SegmentField.RECENCY_DAYS,
  SegmentField.FREQUENCY,
  SegmentField.MONETARY,
  SegmentField.HISTORICAL_VALUE,
  SegmentField.PREDICTED_VALUE,
  SegmentField.CHURN_RISK,
  SegmentField.RFM_SEGMENT,
  SegmentField.LIFECYCLE_STAGE,
]);
