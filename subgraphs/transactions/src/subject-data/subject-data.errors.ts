import { conflict } from '@c360/shared';

/** An order for an erased customer would bring the person back. */
export const customerErased = (customerId: string) =>
  conflict(`Customer ${customerId} was erased: orders for them are no longer accepted`, { reason: 'SUBJECT_ERASED', field: 'customerId' });
