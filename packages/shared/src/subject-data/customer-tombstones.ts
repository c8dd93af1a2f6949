import type { DataSource, EntityManager } from 'typeorm';
import { tombstoneOfId } from './subject-data.contract';

/**
 * The erased customers of one subgraph (`<schema>.erased_customer`: a hash of the customer id,
 * the request, the time). Each subgraph that refuses data for erased customers owns such a
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

  /** Records the erasure (inside the erasing transaction); 0 when it was already recorded. */
  async record(manager: EntityManager, customerId: string, requestId: string, now: Date): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH added AS (INSERT INTO ${this.table} (customer_hash, request_id, erased_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1) SELECT 1 FROM added`,
      [tombstoneOfId(customerId), requestId, now],
    );
    return rows.length;
  }

  /** The given customers whose data was erased: one statement. */
  async erasedAmong(customerIds: readonly string[]): Promise<string[]> {
    const hashes = customerIds.map(tombstoneOfId);
    const rows: { customer_hash: string }[] = await this.dataSource.query(`SELECT customer_hash FROM ${this.table} WHERE customer_hash = ANY($1::text[])`, [hashes]);
    const erased = new Set(rows.map((r) => r.customer_hash));
    return customerIds.filter((_, i) => erased.has(hashes[i]));
  }
}
