import DataLoader from 'dataloader';
import type { CustomerEntity } from './customer.entity';
import type { CustomerRepository } from './customer.repository';
import type { ExternalId } from './customer.type';

/** Per-request loaders: one SQL statement per batch, results in key order. */
export function createCustomerLoaders(customers: CustomerRepository) {
  return {
    customerById: new DataLoader<string, CustomerEntity | null>(async (ids) => {
      const rows = await customers.findByIds(ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Keys are `system + NUL + externalId`. */
    customerIdByExternalId: new DataLoader<string, string | null>(async (keys) => {
      const pairs = keys.map((key) => key.split('\u0000') as [string, string]);
      const rows = await customers.findByExternalIds(pairs);
      const byKey = new Map(rows.map((row) => [`${row.system}\u0000${row.externalId}`, row.customerId]));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
    /** The same, without the external ids a standing merge moved to their holder (followMerges: false). */
    customerIdByLinkedExternalId: new DataLoader<string, string | null>(async (keys) => {
      const rows = await customers.findLinkedByExternalIds(keys.map((key) => key.split('\u0000') as [string, string]));
      const byKey = new Map(rows.map((row) => [`${row.system}\u0000${row.externalId}`, row.customerId]));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
    externalIdsByCustomer: new DataLoader<string, ExternalId[]>(async (ids) => {
      const rows = await customers.externalIdsOf(ids);
      const grouped = new Map<string, ExternalId[]>(ids.map((id) => [id, []]));
      for (const row of rows) grouped.get(row.customerId)?.push({ system: row.system, id: row.externalId });
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type CustomerLoaders = ReturnType<typeof createCustomerLoaders>;
