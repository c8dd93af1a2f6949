import DataLoader from 'dataloader';
import { toCustomerValueType, withheldValue } from './customer-value.mapper';
import type { CustomerValueRow } from './customer-value.repository';
import type { CustomerValueType } from './customer-value.type';
import type { ProfilingConsent } from './profiling-consent';

/** A stored value as it may leave: withheld (flag and time only) for a customer without PROFILING consent. */
export function releasedValue(row: CustomerValueRow, withheld: boolean, windowDays: number): CustomerValueType {
  const value = toCustomerValueType(row, windowDays);
  return withheld ? withheldValue(value.refreshedAt) : value;
}

/** Customer.value for every customer of a request in one statement; the consent seam sits before any score leaves. */
export function createValueLoaders(values: { values(customerIds: readonly string[]): Promise<CustomerValueRow[]> }, consent: ProfilingConsent, windowDays: number) {
  // Whether a customer's value is withheld (no PROFILING consent): one batched decision per tick, whoever asks.
  const valueWithheld = new DataLoader<string, boolean>(async (customerIds) => {
    const withheld = await consent.withheld(customerIds);
    return customerIds.map((id) => withheld.has(id));
  });
  return {
    valueWithheld,
    customerValue: new DataLoader<string, CustomerValueType>(async (customerIds) => {
      const [rows, withheld] = await Promise.all([values.values(customerIds), valueWithheld.loadMany(customerIds)]);
      const byCustomer = new Map(rows.map((row) => [row.customerId, row]));
      return customerIds.map((id, i) => releasedValue(byCustomer.get(id)!, withheld[i] !== false, windowDays));
    }),
  };
}

export type ValueLoaders = ReturnType<typeof createValueLoaders>;
