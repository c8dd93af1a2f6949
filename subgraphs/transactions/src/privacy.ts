import type { PersonalDataPolicy } from '@c360/shared';

/** Whose data each type holds, and the fields of those types that are deliberately not personal. */
export const transactionsPersonalData: PersonalDataPolicy = {
  owners: {
    Customer: (customer) => customer.id as string,
    Order: (order) => order.customerId as string,
  },
  nonPersonalFields: ['Customer.id', 'Order.id', 'Order.customer', 'Order.currency', 'Order.status', 'Order.sourceSystem', 'Order.externalId'],
};
