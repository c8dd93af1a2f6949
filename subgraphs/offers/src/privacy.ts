import type { PersonalDataPolicy } from '@c360/shared';

/** Whose data each type holds, and the fields of those types that are deliberately not personal. */
export const offersPersonalData: PersonalDataPolicy = {
  owners: {
    Customer: (customer) => customer.id as string,
    OfferResponse: (response) => response.customerId as string,
  },
  // Customer.eligibleOffers and nextBestOffers are personal (BEHAVIOURAL): derived from purchases, value and segments.
  nonPersonalFields: [
    'Customer.id',
    'OfferResponse.id',
    'OfferResponse.eventId',
    'OfferResponse.offer',
    'OfferResponse.customer',
    'OfferResponse.order',
    'OfferResponse.recordedAt',
  ],
};
