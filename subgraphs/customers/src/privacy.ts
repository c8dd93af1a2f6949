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
    DuplicateCandidate: (candidate) => (candidate.customer as { id: string }).id,
    CustomerMerge: (merge) => merge.survivorId as string,
  },
  ownedThroughParent: ['PostalAddress', 'ExternalId', 'Interaction', 'MatchEvidence', 'MergeMovedCount'],
  // Reviewed (class 4): none of these mirrors or is computed from a marked field. createdAt is the
  // record's creation, updatedAt moves with any write (not only personal ones), acquisition is how
  // the customer came to us (needed unconsented for service and BI grouping).
  // A merge record holds ids, states and row counts only; evidence names the identifier kind and rule, never a value.
  nonPersonalFields: [...EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, 'CustomerMerge.id', 'CustomerMerge.survivorId', 'CustomerMerge.mergedId', 'CustomerMerge.state', 'CustomerMerge.requestedAt', 'CustomerMerge.completedAt', 'CustomerMerge.undoUntil', 'CustomerMerge.unmergedAt', 'CustomerMerge.failure', 'CustomerMerge.moved', 'DuplicateCandidate.customer', 'Customer.id', 'Customer.acquisitionChannel', 'Customer.acquisitionSource', 'Customer.createdAt', 'Customer.updatedAt'],
};
