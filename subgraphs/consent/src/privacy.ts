import { EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, eventDeadLetterOwner, type PersonalDataPolicy } from '@c360/shared';

/**
 * The consent subgraph holds privacy records about customers, not profile data: they are
 * released by scope (consent:read; disclosures and subject requests only to the customer or
 * privacy staff) and only for customers the caller may see at all (the audience rule).
 * Consent (current state) and request parts only exist inside a Customer or a request.
 */
export const consentPersonalData: PersonalDataPolicy = {
  owners: {
    EventDeadLetter: eventDeadLetterOwner, // README "Events out": staff (privacy:admin) only
    Customer: (customer) => customer.id as string,
    ConsentEvent: (event) => event.customerId as string,
    Disclosure: (disclosure) => disclosure.customerId as string,
    DataSubjectRequest: (request) => request.customerId as string,
    LedgerVerification: (verification) => verification.customerId as string,
    WebhookDeliveryDeadLetter: (letter) => (letter.customerId as string | null) ?? null, // staff (privacy:admin) only
  },
  ownedThroughParent: ['Consent', 'DataSubjectRequestPart'],
  // Reviewed (class 4): every field below is a record of the privacy process itself (what was
  // consented, disclosed, requested, verified), not a value of the customer's profile, orders or
  // responses, nor computed from one; hash/prevHash cover only the ledger event's own fields.
  nonPersonalFields: [...EVENT_DEAD_LETTER_NON_PERSONAL_FIELDS, 
    'Customer.id',
    'Customer.consents',
    'Customer.consentHistory',
    'Customer.disclosures',
    'ConsentEvent.id',
    'ConsentEvent.status',
    'ConsentEvent.noticeVersion',
    'ConsentEvent.channel',
    'ConsentEvent.clientId',
    'ConsentEvent.recordedAt',
    'ConsentEvent.hash',
    'ConsentEvent.prevHash',
    'ConsentEvent.purpose',
    'ConsentEvent.partner',
    'ConsentEvent.receipt',
    'Disclosure.id',
    'Disclosure.disclosedAt',
    'Disclosure.clientId',
    'Disclosure.callerKind',
    'Disclosure.purposeCode',
    'Disclosure.categories',
    'Disclosure.consentEventIds',
    'Disclosure.subgraph',
    'Disclosure.partner',
    'DataSubjectRequest.id',
    'DataSubjectRequest.customerId',
    'DataSubjectRequest.kind',
    'DataSubjectRequest.status',
    'DataSubjectRequest.requestedAt',
    'DataSubjectRequest.completedAt',
    'DataSubjectRequest.parts',
    'LedgerVerification.customerId',
    'LedgerVerification.eventsChecked',
    'LedgerVerification.valid',
    'LedgerVerification.firstBrokenEventId',
    'LedgerVerification.reason',
    'LedgerVerification.headHash',
    // Webhook delivery state: ids and codes (WebhookSubscription is about a partner's endpoint, not a customer).
    ...['id', 'subscriptionId', 'eventId', 'type', 'customerId', 'payload', 'attempts', 'lastError'].map((f) => `WebhookDeliveryDeadLetter.${f}`),
  ],
};
