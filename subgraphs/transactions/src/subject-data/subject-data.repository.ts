import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerTombstones, tombstoneOfId } from '@c360/shared';

export interface OrderErasureRows {
  tombstoned: number;
  ordersDeidentified: number;
  valuesDeleted: number;
}

/**
 * Serialises, per customer, the erasure with order ingest: both take this transaction-scoped
 * lock first (PostgreSQL and PGlite alike), so no order can commit under the real id once the
 * erasure has committed. Ids are lower-cased as the tombstone hash does.
 */
const lockCustomer = (manager: EntityManager, customerId: string): Promise<unknown> =>
  manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [customerId.toLowerCase()]);

const count = async (manager: EntityManager, sql: string, params: unknown[]): Promise<number> => {
  const [row]: { n: number }[] = await manager.query(`WITH changed AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM changed`, params);
  return row.n;
};

/** All SQL for a customer's data-subject requests in this subgraph. */
export class OrderSubjectDataRepository {
  private readonly tombstones: CustomerTombstones;

  constructor(private readonly dataSource: DataSource) {
    this.tombstones = new CustomerTombstones(dataSource, 'transactions');
  }

  ordersOf(customerId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT o.id, o.total::text AS total, o.currency, o.channel, o.status, o.occurred_at AS "occurredAt", o.source_system AS "sourceSystem",
              o.external_id AS "externalId", o.recorded_at AS "recordedAt",
              coalesce((SELECT json_agg(json_build_object('lineNo', l.line_no, 'sku', l.sku, 'quantity', l.quantity, 'unitPrice', l.unit_price::text, 'lineTotal', l.line_total::text) ORDER BY l.line_no)
                        FROM transactions.order_line l WHERE l.order_id = o.id), '[]'::json) AS lines
       FROM transactions.customer_order o WHERE o.customer_id = $1 ORDER BY o.occurred_at, o.id`,
      [customerId],
    );
  }

  async valueOf(customerId: string): Promise<Record<string, unknown> | null> {
    const [row]: Record<string, unknown>[] = await this.dataSource.query(`SELECT to_jsonb(v) - 'customer_id' AS value FROM transactions.customer_value v WHERE v.customer_id = $1`, [customerId]);
    return (row?.value as Record<string, unknown>) ?? null;
  }

  /**
   * Orders stay for accounting, re-keyed to a random pseudonym nothing links back to and marked
   * de-identified (so the value analysis never profiles the pseudonym); the derived value row is
   * deleted; the tombstone refuses new orders for the customer. One transaction, serialised with
   * order ingest for the same customer (see lockCustomer).
   */
  erase(customerId: string, requestId: string, now: Date): Promise<OrderErasureRows> {
    return this.dataSource.transaction(async (manager) => {
      await lockCustomer(manager, customerId);
      const tombstoned = await this.tombstones.record(manager, customerId, requestId, now);
      const ordersDeidentified = await count(manager, `UPDATE transactions.customer_order SET customer_id = $2, deidentified_at = $3 WHERE customer_id = $1`, [
        customerId,
        randomUUID(),
        now,
      ]);
      const valuesDeleted = await count(manager, `DELETE FROM transactions.customer_value WHERE customer_id = $1`, [customerId]);
      return { tombstoned, ordersDeidentified, valuesDeleted };
    });
  }

  async isErased(customerId: string): Promise<boolean> {
    return (await this.tombstones.erasedAmong([customerId])).length > 0;
  }

  /**
   * Whether the customer is erased, read in the caller's transaction after taking the customer's
   * lock: an erasure either committed before (its tombstone is seen here) or waits for the caller
   * to commit (and then de-identifies what the caller wrote). CustomerTombstones only reads
   * through its DataSource, hence this one query on the same table and hash.
   */
  async isErasedWithin(manager: EntityManager, customerId: string): Promise<boolean> {
    await lockCustomer(manager, customerId);
    const rows: unknown[] = await manager.query(`SELECT 1 FROM transactions.erased_customer WHERE customer_hash = $1`, [tombstoneOfId(customerId)]);
    return rows.length > 0;
  }
}
