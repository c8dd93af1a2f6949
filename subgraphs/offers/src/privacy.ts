import type { PersonalDataPolicy } from '@c360/shared';

/** Whose data each type holds, and the fields of those types that are deliberately not personal. */
export const offersPersonalData: PersonalDataPolicy = {
  owners: {
    Customer: (customer) => customer.id as string,
    OfferResponse: (response) => response.customerId as string,
  },
  // Eligibility is the same live-offer list for everyone until the offer engine personalises it.
  nonPersonalFields: [
    'Customer.id',
    'Customer.eligibleOffers',
    'OfferResponse.id',
    'OfferResponse.eventId',
    'OfferResponse.offer',
    'OfferResponse.customer',
    'OfferResponse.order',
    'OfferResponse.recordedAt',
  ],
};
