import { EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, eventDeadLetterOwner, type PersonalDataPolicy } from '@c360/shared';

/**
 * Whose data each type holds, and the fields of those types that are deliberately not personal.
 * Owned types: Customer names itself; PostalAddress, ExternalId and Interaction only exist inside
 * a Customer (Customer.address, .externalIds, .interactions, each marked), so they are visible
 * exactly when that customer is. CustomerSegmentMembership is an internal (@inaccessible) contract.
 */
export const customersPersonalData: PersonalDataPolicy = {
  owners: {
    EventDeadLetter: eventDeadLetterOwner, // README "Events out": staff (privacy:admin) only
    Customer: (customer) => customer.id as string,
  },
  ownedThroughParent: ['PostalAddress', 'ExternalId', 'Interaction'],
  // Reviewed (class 4): none of these mirrors or is computed from a marked field. createdAt is the
  // record's creation, updatedAt moves with any write (not only personal ones), acquisition is how
  // the customer came to us (needed unconsented for service and BI grouping).
  nonPersonalFields: [...EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, 'Customer.id', 'Customer.acquisitionChannel', 'Customer.acquisitionSource', 'Customer.createdAt', 'Customer.updatedAt'],
};
