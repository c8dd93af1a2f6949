import { registerEnumType } from 'type-graphql';

/** Why an offer was picked for a customer (matched rules and score terms). */
export enum OfferReasonCode {
  IN_SEGMENT = 'IN_SEGMENT',
  LIFECYCLE_MATCH = 'LIFECYCLE_MATCH',
  VALUE_MATCH = 'VALUE_MATCH',
  PRIORITY = 'PRIORITY',
  CATEGORY_AFFINITY = 'CATEGORY_AFFINITY',
  CO_PURCHASE = 'CO_PURCHASE',
  STATED_INTEREST = 'STATED_INTEREST',
  BROWSED_INTEREST = 'BROWSED_INTEREST',
  HIGH_VALUE = 'HIGH_VALUE',
  TARGETED = 'TARGETED',
  RECENTLY_SHOWN = 'RECENTLY_SHOWN',
  VALUE_WITHHELD = 'VALUE_WITHHELD',
  PARTLY_OUT_OF_STOCK = 'PARTLY_OUT_OF_STOCK',
}

/** Why an offer was not eligible for a customer (the first rule that failed). */
export enum OfferExclusion {
  NOT_LIVE = 'NOT_LIVE',
  OTHER_CHANNEL = 'OTHER_CHANNEL',
  HELD_OUT = 'HELD_OUT',
  NO_CONSENT = 'NO_CONSENT',
  CONSENT_UNAVAILABLE = 'CONSENT_UNAVAILABLE',
  FREQUENCY_CAP = 'FREQUENCY_CAP',
  CONTACT_POLICY = 'CONTACT_POLICY',
  SEGMENTS_UNAVAILABLE = 'SEGMENTS_UNAVAILABLE',
  NOT_IN_SEGMENT = 'NOT_IN_SEGMENT',
  FACTS_UNAVAILABLE = 'FACTS_UNAVAILABLE',
  VALUE_WITHHELD = 'VALUE_WITHHELD',
  LIFECYCLE_MISMATCH = 'LIFECYCLE_MISMATCH',
  BELOW_VALUE_THRESHOLD = 'BELOW_VALUE_THRESHOLD',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
}

registerEnumType(OfferReasonCode, {
  name: 'OfferReasonCode',
  description: 'Why an offer was picked: a targeting rule it matched, or a term of its score',
  valuesConfig: {
    IN_SEGMENT: { description: 'The customer is in one of the segments the offer targets' },
    LIFECYCLE_MATCH: { description: "The customer's lifecycle stage is one the offer targets" },
    VALUE_MATCH: { description: "The customer's value meets the offer's thresholds" },
    PRIORITY: { description: "The offer's priority (score term)" },
    CATEGORY_AFFINITY: { description: 'The customer bought in the categories of the offered products (score term)' },
    CO_PURCHASE: { description: 'Customers who bought what this customer bought also bought the offered products (score term, COLLABORATIVE offers)' },
    STATED_INTEREST: { description: 'The customer told us (an ACTIVE interaction: survey, preference) they like a category of the offered products (score term)' },
    BROWSED_INTEREST: { description: 'The customer browsed or searched (PASSIVE interactions) a category of the offered products (score term)' },
    HIGH_VALUE: { description: "The customer's RFM monetary score (score term)" },
    TARGETED: { description: 'The offer targets the customer by segment, lifecycle or value rather than everyone (score term)' },
    RECENTLY_SHOWN: { description: 'The offer was shown to the customer recently (score penalty)' },
    VALUE_WITHHELD: { description: 'The customer did not consent to PROFILING: value took no part in the score' },
    PARTLY_OUT_OF_STOCK: { description: 'Some of the offer\'s products are out of stock and were left out' },
  },
});
