import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalData, PersonalDataCategory } from '@c360/shared';
import { OfferType } from '../offer/offer.type';

/** Per live offer: ELIGIBLE, or the first targeting rule that failed (in the engine's order). */
export enum OfferEligibilityStatus {
  ELIGIBLE = 'ELIGIBLE',
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
  NOT_LIVE = 'NOT_LIVE',
}

registerEnumType(OfferEligibilityStatus, {
  name: 'OfferEligibilityStatus',
  description: 'Whether a live offer may go to a customer now, or the first rule that failed (holdout, consent, frequency cap, contact policy, segment, lifecycle, value, stock)',
  valuesConfig: {
    ELIGIBLE: { description: 'Every rule passed' },
    HELD_OUT: { description: "The customer is in the campaign's holdout (measuring uplift)" },
    NO_CONSENT: { description: "No consent to the offer's purpose" },
    CONSENT_UNAVAILABLE: { description: 'No consent decision could be obtained' },
    FREQUENCY_CAP: { description: "Shown as often as the offer's frequency cap allows" },
    CONTACT_POLICY: { description: "Shown as many offers through the offer's channel as the contact policy allows" },
    SEGMENTS_UNAVAILABLE: { description: 'Segment membership could not be obtained' },
    NOT_IN_SEGMENT: { description: 'Not in a targeted segment, or in none whose conditions are released to the caller' },
    FACTS_UNAVAILABLE: { description: 'Value or stock facts could not be obtained' },
    VALUE_WITHHELD: { description: 'Value rules cannot match: value is withheld (no PROFILING consent, or not released to the caller)' },
    LIFECYCLE_MISMATCH: { description: "The customer's lifecycle stage is not targeted" },
    BELOW_VALUE_THRESHOLD: { description: "The customer's value misses one of the offer's value thresholds (figures are never given)" },
    OUT_OF_STOCK: { description: 'Every product of the offer is out of stock' },
    NOT_LIVE: { description: 'Not ACTIVE inside its validity window' },
  },
});

@ObjectType('OfferEligibility', { description: 'One live offer for one customer: ELIGIBLE or the first rule that failed, with a human reason' })
export class OfferEligibilityType {
  /** Not a field: the owner the audience and field guard decide on. */
  customerId: string;

  @Field(() => OfferType)
  offer: OfferType;

  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  @Field(() => OfferEligibilityStatus, { nullable: true })
  status: OfferEligibilityStatus;

  @PersonalData(PersonalDataCategory.BEHAVIOURAL)
  @Field(() => String, { nullable: true, description: 'Why, in words; never a figure of the customer or of a value threshold' })
  reason: string;
}
