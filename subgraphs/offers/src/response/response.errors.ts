import { badInput, conflict } from '@c360/shared';

export const responseToDraftOffer = (offerId: string) => badInput(`Offer ${offerId} is a DRAFT and has reached no one`, { field: 'offerId', offerId });
export const occurredInFuture = () => badInput('occurredAt must not be in the future', { field: 'occurredAt' });
export const redemptionNeedsOrder = () => badInput('A REDEEMED response needs the orderId it was redeemed in', { field: 'orderId' });
export const orderOnlyForRedemption = (field: 'orderId' | 'revenue') => badInput(`${field} is only recorded for REDEEMED responses`, { field });
export const revenueNotInCents = () => badInput('revenue must have at most two decimals', { field: 'revenue' });
export const tooManyResponses = (max: number) => badInput(`At most ${max} responses per call`, { argument: 'inputs', max });
export const eventIdConflict = (eventId: string, responseId: string) =>
  conflict(`Response event ${eventId} was already recorded with different content`, { eventId, responseId });
