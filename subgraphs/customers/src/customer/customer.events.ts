import type { NewCustomer } from './customer.repository';
import type { CustomerType } from './customer.type';

/** The profile columns updateCustomer can change (the acquisition is recorded once, at creation). */
export type UpdatableProfileField = Exclude<keyof NewCustomer, 'acquisitionChannel' | 'acquisitionSource'>;

/**
 * What each field name a `customer.updated` can carry (its payload's `fields`, the changed columns)
 * shows of the customer: the Customer field of this subgraph's schema that reads the column, whose
 * @personalData category a recipient must be allowed to be told the name. Exhaustive by type: a new
 * customer column does not compile until it is listed here (or excluded above as not updatable).
 * The consent subgraph's webhook relay keeps its own copy of the categories (it cannot import this
 * code); tests/events/customer-updated-categories.test.ts fails when the two differ.
 */
export const CUSTOMER_UPDATED_FIELDS: Readonly<Record<UpdatableProfileField, keyof CustomerType>> = {
  displayName: 'displayName',
  givenName: 'givenName',
  familyName: 'familyName',
  email: 'email',
  phone: 'phone',
  birthDate: 'birthDate',
  locale: 'locale',
  addressLine1: 'address',
  addressLine2: 'address',
  postalCode: 'address',
  city: 'address',
  region: 'address',
  countryCode: 'address',
};
