import { EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, eventDeadLetterOwner, type PersonalDataPolicy } from '@c360/shared';

/**
 * Whose data each type holds, and the fields of those types that are deliberately not personal.
 * OfferResponse names its customer; picks and their parts only exist inside
 * Customer.nextBestOffers (marked), so they are visible exactly when that customer is.
 */
export const offersPersonalData: PersonalDataPolicy = {
  owners: {
    EventDeadLetter: eventDeadLetterOwner, // README "Events out": staff (privacy:admin) only
    Customer: (customer) => customer.id as string,
    OfferResponse: (response) => response.customerId as string,
    OfferEligibility: (eligibility) => eligibility.customerId as string,
  },
  ownedThroughParent: ['OfferPick', 'OfferReason', 'OfferPresentation', 'OfferContent', 'OfferOption'],
  // Customer.eligibleOffers and nextBestOffers are personal (BEHAVIOURAL): derived from purchases, value and segments.
  // Reviewed (class 4): recordedAt equals the withheld occurredAt whenever the client let it default,
  // and order is non-null exactly when the withheld type is REDEEMED: both are marked BEHAVIOURAL like
  // the fields they mirror. eventId is the client's own idempotency key, offer is the same for every
  // response type, customer is the owner's id (the audience already decided that it may be seen).
  nonPersonalFields: [...EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, 'Customer.id', 'OfferResponse.id', 'OfferResponse.eventId', 'OfferResponse.offer', 'OfferResponse.customer', 'OfferEligibility.offer'],
};
