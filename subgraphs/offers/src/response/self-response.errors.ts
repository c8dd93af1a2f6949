import { badInput, DomainError, ErrorCode } from '@c360/shared';

/** Stable reasons of the self-service response mutation; none carries an input value. */
export const onlyCustomersRespondForThemselves = () =>
  new DomainError(ErrorCode.FORBIDDEN, 'recordMyOfferResponse is for a CUSTOMER (self-service) token; staff and integrations use recordOfferResponse', { reason: 'NOT_SELF_SERVICE' });
export const notOwnCustomer = () => new DomainError(ErrorCode.FORBIDDEN, 'A customer records reactions only for itself: customerId must be the token\'s own', { field: 'customerId', reason: 'NOT_OWN_CUSTOMER' });
export const redemptionNotSelfService = () =>
  badInput('A customer cannot record REDEEMED: a redemption is recorded from the order it was made in', { field: 'type', reason: 'REDEMPTION_FROM_ORDERS_ONLY' });
/** One answer for an unknown offer and one not eligible for the customer: no oracle on which offers exist for others. */
export const offerNotAvailable = () => new DomainError(ErrorCode.NOT_FOUND, 'No offer with this id is available to this customer', { field: 'offerId', reason: 'OFFER_NOT_AVAILABLE' });
/** The idempotency key is already another customer's: refused without a word about that response (no id, offer or content). */
export const eventIdTaken = () =>
  new DomainError(ErrorCode.CONFLICT, 'This eventId is already in use; send the reaction under a new eventId', { field: 'eventId', reason: 'EVENT_ID_TAKEN' });
/** Keys starting with self: are the graph's own names for a customer's keys. */
export const reservedEventId = () => badInput('eventId must not start with "self:"', { field: 'eventId', reason: 'RESERVED_EVENT_ID' });
