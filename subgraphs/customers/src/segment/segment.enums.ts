import { registerEnumType } from 'type-graphql';
import { SegmentField, SegmentOperator } from '@c360/shared/segments';

registerEnumType(SegmentField, {
  name: 'SegmentField',
  description:
    'What a segment condition looks at. Profile (customers): COUNTRY, REGION, ACQUISITION_CHANNEL, CUSTOMER_SINCE_DAYS, AGE. ' +
    'Interactions (customers): INTERACTION_COUNT (within withinDays, or ever), DAYS_SINCE_LAST_INTERACTION, INTERACTION_CHANNEL (any interaction on it), ' +
    'INTERACTION_TYPE (any interaction of that type, e.g. SURVEY_ANSWER), INTERACTION_KIND (ACTIVE: told us; PASSIVE: observed), ' +
    'INTERACTION_ATTRIBUTE (an interaction whose attributeKey attribute equals a value, case-insensitively, or lists it), INTERACTION_ATTRIBUTE_NUMBER (compares a numeric attribute, e.g. nps >= 9); ' +
    'every interaction condition but DAYS_SINCE_LAST_INTERACTION takes withinDays, and interactionType / interactionKind narrow which interactions it looks at. ' +
    'Value (transactions; only customers who consented to PROFILING ever match): RECENCY_DAYS, FREQUENCY, MONETARY, HISTORICAL_VALUE, PREDICTED_VALUE, CHURN_RISK, RFM_SEGMENT, LIFECYCLE_STAGE (not PROSPECT). ' +
    'Purchases (transactions): PURCHASED_CATEGORY (a completed order with a product of that category, within withinDays or ever). ' +
    'Consent (consent): CONSENT_GRANTED (a current grant for the purpose code, for partnerId when given)',
});
registerEnumType(SegmentOperator, {
  name: 'SegmentOperator',
  description: 'EQ and IN for every field; GT, GTE, LT, LTE (one value) and BETWEEN (two values, inclusive) for numeric fields',
});

export { SegmentField, SegmentOperator };
