import type { PersonalDataPolicy } from '@c360/shared';

/** Whose data each type holds, and the fields of those types that are deliberately not personal. */
export const customersPersonalData: PersonalDataPolicy = {
  owners: {
    Customer: (customer) => customer.id as string,
  },
  nonPersonalFields: ['Customer.id', 'Customer.acquisitionChannel', 'Customer.acquisitionSource', 'Customer.createdAt', 'Customer.updatedAt'],
};
