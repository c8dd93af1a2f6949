import { conflict } from '@c360/shared';

/** A response for an erased customer would tie new behaviour to the person again. */
export const customersErased = (customerIds: string[]) =>
  conflict(`Customer ${customerIds.join(', ')} was erased: offer responses for them are no longer accepted`, { reason: 'SUBJECT_ERASED', field: 'customerId' });
