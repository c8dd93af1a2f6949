import type { DataSource, EntityManager } from 'typeorm';
import { tombstoneOfId } from './subject-data.contract';

/**
 * The customer lock scheme, defined once (lockCustomers, and lockMergeParties for an import batch's
 * statements): a one-key advisory transaction lock on `hashtext` of the lower-cased id (as the tombstone
 * hash lower-cases it), taken in one sorted order so two multi-customer writers never deadlock.
 */
export const customerLockOrder = (customerIds: readonly string[]): string[] => [...new Set(customerIds.map((id) => id.toLowerCase()))].sort();

/** SQL taking the lock of one customer id given as text (`idSql`: a parameter or a column). */
export const customerLock = (idSql: string) => `pg_advisory_xact_lock(hashtext(${idSql}))`;

/**
 * Serialises, per customer, an erasure with every write for that customer in one subgraph: both
 * take these transaction-scoped locks first (PostgreSQL and PGlite alike).
 */
export async function lockCustomers(manager: EntityManager, customerIds: readonly string[]): Promise<void> {
  for (const id of customerLockOrder(customerIds)) await manager.query(`SELECT ${customerLock('$1')}`, [id]);
}

/**
 * The erased customers of one subgraph (`<schema>.erased_customer`: a hash of the customer id and
 * when). No request id is kept: it would lead from a tombstone back to the subject request, and
 * from there to the customer. Each subgraph that refuses data for erased customers owns such a
 * table in its own schema; this is the one place its SQL is written.
 */
export class CustomerTombstones {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `${schema}.erased_customer`;
  }

  /** Records the erasure (inside the erasing transaction, under the customer's lock); 0 when it was already recorded. */
  async record(manager: EntityManager, customerId: string, now: Date): Promise<number> {
    await lockCustomers(manager, [customerId]);
    const rows: unknown[] = await manager.query(
      `WITH added AS (INSERT INTO ${this.table} (customer_hash, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1) SELECT 1 FROM added`,
      [tombstoneOfId(customerId), now],
    );
    return rows.length;
  }

  /** The given customers whose data was erased: one statement. */
  async erasedAmong(customerIds: readonly string[]): Promise<string[]> {
    return this.erasedOf(this.dataSource, customerIds);
  }

  /**
   * The same, first in a writing transaction: takes the customers' locks, so an erasure either
   * committed before (its tombstone is seen here) or waits for the writer and then erases what it wrote.
   */
  async erasedAmongWithin(manager: EntityManager, customerIds: readonly string[]): Promise<string[]> {
    await lockCustomers(manager, customerIds);
    return this.erasedOf(manager, customerIds);
  }

  private async erasedOf(runner: DataSource | EntityManager, customerIds: readonly string[]): Promise<string[]> {
    if (customerIds.length === 0) return [];
    const hashes = customerIds.map(tombstoneOfId);
    const rows: { customer_hash: string }[] = await runner.query(`SELECT customer_hash FROM ${this.table} WHERE customer_hash = ANY($1::text[])`, [hashes]);
    const erased = new Set(rows.map((r) => r.customer_hash));
    return customerIds.filter((_, i) => erased.has(hashes[i]));
  }
}
