import DataLoader from 'dataloader';
import { toCustomerValueType, withheldValue } from './customer-value.mapper';
import type { CustomerValueRepository } from './customer-value.repository';
import type { CustomerValueType } from './customer-value.type';
import type { ProfilingConsent } from './profiling-consent';

/** Customer.value for every customer of a request in one statement; the consent seam sits before any score leaves. */
export function createValueLoaders(values: CustomerValueRepository, consent: ProfilingConsent, windowDays: number) {
  return {
    customerValue: new DataLoader<string, CustomerValueType>(async (customerIds) => {
      const [rows, withheld] = await Promise.all([values.values(customerIds), consent.withheld(customerIds)]);
      const byCustomer = new Map(rows.map((row) => [row.customerId, row]));
      return customerIds.map((id) => {
        const value = toCustomerValueType(byCustomer.get(id)!, windowDays);
        return withheld.has(id) ? withheldValue(value.refreshedAt) : value;
      });
    }),
  };
}

export type ValueLoaders = ReturnType<typeof createValueLoaders>;
