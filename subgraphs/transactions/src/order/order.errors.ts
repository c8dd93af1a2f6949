import { badInput, conflict, notFound } from '@c360/shared';

export const orderNotFound = (_id?: string) => notFound('Order');
// These name the field and a reason, never the skus, currency or key sent (an error does not echo its input).
export const unknownSkus = () => badInput('A line names a sku that is not in the catalogue', { field: 'lines', reason: 'UNKNOWN_SKU' });
export const currencyMismatch = () => badInput('A product of this order is not sold in its currency', { field: 'currency', reason: 'CURRENCY_NOT_SOLD' });
export const priceNotInCents = () => badInput('unitPrice must have at most two decimals', { field: 'unitPrice' });
export const occurredInFuture = () => badInput('occurredAt must not be in the future', { field: 'occurredAt' });
export const externalKeyConflict = (orderId: string) =>
  conflict('An order with this sourceSystem and externalId was already recorded with different content', { field: 'externalId', reason: 'ORDER_KEY_CONFLICT', orderId });
export const statusNotChangeable = (from: string, to: string) =>
  conflict(`This order is ${from} and cannot become ${to}`, { field: 'status', reason: 'STATUS_NOT_CHANGEABLE', status: from });
export const completedIsNotATarget = () => badInput('An order can only be set to REFUNDED or CANCELLED', { argument: 'status' });
