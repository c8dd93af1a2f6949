import { badInput, conflict, notFound } from '@c360/shared';

export const orderNotFound = (_id?: string) => notFound('Order');
export const unknownSkus = (skus: string[]) => badInput(`Unknown product sku(s): ${skus.join(', ')}`, { field: 'lines', skus });
export const currencyMismatch = (currency: string, skus: string[]) =>
  badInput(`Product(s) ${skus.join(', ')} are not sold in ${currency}`, { field: 'currency', skus });
export const priceNotInCents = () => badInput('unitPrice must have at most two decimals', { field: 'unitPrice' });
export const occurredInFuture = () => badInput('occurredAt must not be in the future', { field: 'occurredAt' });
export const externalKeyConflict = (sourceSystem: string, externalId: string, orderId: string) =>
  conflict(`Order ${sourceSystem}/${externalId} was already recorded with different content`, { sourceSystem, externalId, orderId });
export const statusNotChangeable = (id: string, from: string, to: string) =>
  conflict(`Order ${id} is ${from} and cannot become ${to}`, { id, status: from });
export const completedIsNotATarget = () => badInput('An order can only be set to REFUNDED or CANCELLED', { argument: 'status' });
