import { EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, eventDeadLetterOwner, type PersonalDataPolicy } from '@c360/shared';

/**
 * Whose data each type holds, and the fields of those types that are deliberately not personal.
 * Order names its customer; lines, purchase summaries and value scores only exist inside an
 * Order or a Customer (through marked fields), so they are visible exactly when it is.
 */
export const transactionsPersonalData: PersonalDataPolicy = {
  owners: {
    EventDeadLetter: eventDeadLetterOwner, // README "Events out": staff (privacy:admin) only
    Customer: (customer) => customer.id as string,
    Order: (order) => order.customerId as string,
  },
  ownedThroughParent: ['OrderLine', 'PurchaseSummary', 'CustomerValue', 'RfmAnalysis', 'LifetimeValue'],
  // Reviewed (class 4): currency is the shop's, not a function of the withheld total; status is
  // set by refund/cancel writes, not derived from total, channel or occurredAt; sourceSystem and
  // externalId are the ingesting system's keys (not derived from any marked field).
  nonPersonalFields: [...EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, 'Customer.id', 'Order.id', 'Order.customer', 'Order.currency', 'Order.status', 'Order.sourceSystem', 'Order.externalId'],
};
