import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerRowMoves, CustomerTombstones, purgeCustomerEvents, retryDeadlocked, type AliasWrite, type AliasWriteLog, type MergeCount, type WritableCustomer } from '@c360/shared';

export interface OrderErasureRows {
  tombstoned: number;
  ordersDeidentified: number;
  valuesDeleted: number;
}

const count = async (manager: EntityManager, sql: string, params: unknown[]): Promise<number> => {
  const [row]: { n: number }[] = await manager.query(`WITH changed AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM changed`, params);
  return row.n;
};

/** All SQL for a customer's data-subject requests in this subgraph. */
export class OrderSubjectDataRepository implements AliasWriteLog {
  private readonly tombstones: CustomerTombstones;
  private readonly moves = new CustomerRowMoves('transactions', [{ table: 'transactions.customer_order' }]);

  constructor(private readonly dataSource: DataSource) {
    this.tombstones = new CustomerTombstones(dataSource, 'transactions');
  }

  /**
   * Orders follow the person; the merged id's derived value row goes (the next value refresh computes the survivor's).
   * Run again whole when chosen as a deadlock's victim (as unmerge): a lost race with a write is no failed step.
   */
  merge(mergeId: string, survivorId: string, mergedId: string): Promise<MergeCount[]> {
    return retryDeadlocked(() =>
      this.dataSource.transaction(async (manager) => {
        const moved = await this.moves.move(manager, mergeId, survivorId, mergedId);
        await manager.query(`DELETE FROM transactions.customer_value WHERE customer_id = $1`, [mergedId]);
        return moved;
      }),
    );
  }

  /** Orders recorded on the survivor through a retired id: an unmerge gives them back to that id. */
  recordAliasWrites(manager: EntityManager, table: string, writes: readonly AliasWrite[]): Promise<void> {
    return this.moves.recordAliasWrites(manager, table, writes);
  }

  /** First in a writing transaction: where each named id's rows go now, under the merge locks (see CustomerRowMoves.landWithin). */
  landWithin(manager: EntityManager, customerIds: readonly string[], follow: boolean): Promise<Map<string, WritableCustomer>> {
    return this.moves.landWithin(manager, customerIds, follow);
  }

  /** Both customers a merge's moves name (empty once it was undone). */
  partiesOf(mergeId: string): Promise<string[]> {
    return this.moves.partiesOf(this.dataSource.manager, mergeId);
  }

  unmerge(mergeId: string): Promise<MergeCount[]> {
    return retryDeadlocked(() => this.dataSource.transaction((manager) => this.moves.restore(manager, mergeId)));
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
   * order ingest for the same customer (the tombstone takes the customer's lock first).
   * The de-identification date is kept to the day: an exact time would equal the tombstone's and
   * lead from the pseudonym back to the hash of the real id.
   */
  erase(customerId: string, now: Date): Promise<OrderErasureRows> {
    return this.dataSource.transaction(async (manager) => {
      // First: it takes the locks of the customer and of every id merged into them, in one sorted order.
      const merged = await this.moves.eraseMerged(manager, customerId, this.tombstones, now);
      const own = await this.tombstones.record(manager, customerId, now);
      const tombstoned = own + merged.tombstoned;
      // Every id the person had: rows a feed left under a retired id go with the rest.
      const everyId = [customerId, ...merged.mergedIds];
      const ordersDeidentified = await count(
        manager,
        `UPDATE transactions.customer_order SET customer_id = $2, deidentified_at = date_trunc('day', $3::timestamptz, 'UTC') WHERE customer_id = ANY($1::uuid[])`,
        [everyId, randomUUID(), now],
      );
      const valuesDeleted = await count(manager, `DELETE FROM transactions.customer_value WHERE customer_id = ANY($1::uuid[])`, [everyId]);
      await purgeCustomerEvents(manager, everyId);
      return { tombstoned, ordersDeidentified, valuesDeleted };
    });
  }

  async isErased(customerId: string): Promise<boolean> {
    return (await this.tombstones.erasedAmong([customerId])).length > 0;
  }

  /** Whether the customer is erased, read first in the inserting transaction under the customer's lock. */
  async isErasedWithin(manager: EntityManager, customerId: string): Promise<boolean> {
    return (await this.tombstones.erasedAmongWithin(manager, [customerId])).length > 0;
  }
}
