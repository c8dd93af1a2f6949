import { badInput, conflict, DomainError, ErrorCode } from '@c360/shared';

// Errors name the field and a reason, never the offer id or event key sent.
export const responseToDraftOffer = () => badInput('This offer is a DRAFT and has reached no one', { field: 'offerId', reason: 'OFFER_IS_DRAFT' });
export const occurredInFuture = () => badInput('occurredAt must not be in the future', { field: 'occurredAt' });
export const redemptionNeedsOrder = () => badInput('A REDEEMED response needs the orderId it was redeemed in', { field: 'orderId' });
export const orderOnlyForRedemption = (field: 'orderId' | 'revenue') => badInput(`${field} is only recorded for REDEEMED responses`, { field });
export const revenueNotInCents = () => badInput('revenue must have at most two decimals', { field: 'revenue' });
export const tooManyResponses = (max: number) => badInput(`At most ${max} responses per call`, { argument: 'inputs', max });
export const eventIdConflict = (responseId: string) =>
  conflict('A response with this eventId was already recorded with different content', { field: 'eventId', reason: 'EVENT_ID_CONFLICT', responseId });
export const redemptionOrderNotFound = () => badInput('A REDEEMED response must name a recorded order; this orderId is not one', { field: 'orderId', reason: 'ORDER_NOT_FOUND' });
export const redemptionOrderOfOtherCustomer = () => badInput("A REDEEMED response must name an order of the same customer; this order is not the customer's", { field: 'orderId', reason: 'ORDER_OF_OTHER_CUSTOMER' });
export const redemptionOrderNotCompleted = () => badInput('A REDEEMED response must name a COMPLETED order; this one was cancelled or refunded', { field: 'orderId', reason: 'ORDER_NOT_COMPLETED' });
export const revenueAboveOrderTotal = () => badInput("revenue cannot exceed the total of the order it was redeemed in", { field: 'revenue', reason: 'REVENUE_ABOVE_ORDER_TOTAL' });
export const optionOnlyForAdaptive = () => badInput('optionKey is only recorded for ADAPTIVE offers', { field: 'optionKey', reason: 'OFFER_NOT_ADAPTIVE' });
export const unknownOption = () => badInput("optionKey is not one of the offer's options", { field: 'optionKey', reason: 'UNKNOWN_OPTION' });
export const ordersUnavailable = () =>
  new DomainError(ErrorCode.SUBGRAPH_UNAVAILABLE, 'The transactions subgraph could not confirm the redeemed order; nothing was written', { subgraph: 'transactions' });
