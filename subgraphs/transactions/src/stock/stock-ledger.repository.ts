import type { EntityManager } from 'typeorm';

export type StockMovementSource = 'ERP_MOVEMENT' | 'SALE' | 'CANCELLATION';

export interface StockLedgerEntry {
  /** Idempotency key: `erp:<movementId>`, `sale:<orderId>:<sku>` or `cancel:<orderId>:<sku>`. */
  movementKey: string;
  source: StockMovementSource;
  sku: string;
  delta: number;
  occurredAt: Date;
}

/**
 * A relation with the columns (movement_key, source, sku, delta, occurred_at): a VALUES list,
 * an unnest of arrays, or a SELECT from a staging table (the bulk importer's way in).
 */
export interface LedgerSource {
  sql: string;
  params: unknown[];
}

/** Whatever runs SQL in the caller's transaction: an EntityManager, or a bulk import's batch. */
export interface LedgerWriter {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * All SQL of the stock ledger and of `product.stock_level`, its cache. Every write locks the
 * touched products first, in sku order (no deadlocks), in a statement of its own, so the next
 * statement's snapshot sees every committed entry (READ COMMITTED) and never loses a concurrent one.
 */
export class StockLedgerRepository {
  /** Locks the products of these skus for a stock change; returns the skus that exist. */
  async lockProducts(manager: EntityManager, skus: readonly string[]): Promise<Set<string>> {
    const rows: { sku: string }[] = await manager.query(
      'SELECT sku FROM transactions.product WHERE sku = ANY($1::text[]) ORDER BY sku FOR NO KEY UPDATE',
      [[...new Set(skus)]],
    );
    return new Set(rows.map((r) => r.sku));
  }

  /** Entries already in the ledger under these keys (to tell a replay from a conflicting re-send). */
  async existing(manager: EntityManager, movementKeys: readonly string[]): Promise<StockLedgerEntry[]> {
    const rows: { movement_key: string; source: StockMovementSource; sku: string; delta: number; occurred_at: Date | string }[] = await manager.query(
      'SELECT movement_key, source, sku, delta, occurred_at FROM transactions.stock_movement WHERE movement_key = ANY($1::text[])',
      [[...movementKeys]],
    );
    return rows.map((r) => ({ movementKey: r.movement_key, source: r.source, sku: r.sku, delta: r.delta, occurredAt: new Date(r.occurred_at) }));
  }

  /** Appends entries (keys already present are skipped); returns how many were new. Lock the products first. */
  append(manager: EntityManager, entries: readonly StockLedgerEntry[], now: Date): Promise<number> {
    return this.appendFrom(manager, {
      sql: `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::timestamptz[]) AS e(movement_key, source, sku, delta, occurred_at)`,
      params: [entries.map((e) => e.movementKey), entries.map((e) => e.source), entries.map((e) => e.sku), entries.map((e) => e.delta), entries.map((e) => e.occurredAt.toISOString())],
    }, now);
  }

  /**
   * The one set-wise write of the ledger: new entries go in, and each product's cached level moves
   * by the entries dated after its last ERP level (earlier ones are already in that count).
   * The caller locks the touched products first (lockProducts), in the same transaction.
   */
  async appendFrom(manager: LedgerWriter, source: LedgerSource, now: Date): Promise<number> {
    const at = `$${source.params.length + 1}::timestamptz`;
    const [row] = (await manager.query(
      `WITH incoming AS (${source.sql}),
       inserted AS (
         INSERT INTO transactions.stock_movement (movement_key, source, sku, delta, occurred_at, recorded_at)
         SELECT movement_key, source, sku, delta, occurred_at, ${at} FROM incoming
         ON CONFLICT (movement_key) DO NOTHING
         RETURNING sku, delta, occurred_at
       ), moved AS (
         UPDATE transactions.product p SET stock_level = p.stock_level + t.delta, updated_at = ${at}
         FROM (
           SELECT i.sku, sum(i.delta)::bigint AS delta
           FROM inserted i JOIN transactions.product q ON q.sku = i.sku
           WHERE q.stock_as_of IS NULL OR i.occurred_at > q.stock_as_of
           GROUP BY i.sku
         ) t
         WHERE p.sku = t.sku AND t.delta <> 0
         RETURNING p.sku
       )
       SELECT (SELECT count(*)::int FROM inserted) AS inserted, (SELECT count(*)::int FROM moved) AS moved`,
      [...source.params, now.toISOString()],
    )) as { inserted: number }[];
    return Number(row.inserted);
  }

  /** SALE entries for these orders' lines (one per order and sku), dated when each order occurred. Cancelled orders sold nothing. */
  async recordSales(manager: EntityManager, orderIds: readonly string[], now: Date): Promise<number> {
    await this.lockProducts(manager, await this.skusOf(manager, orderIds));
    return this.appendFrom(manager, {
      sql: `SELECT 'sale:' || o.id || ':' || l.sku AS movement_key, 'SALE' AS source, l.sku, -sum(l.quantity)::int AS delta, o.occurred_at
            FROM transactions.customer_order o JOIN transactions.order_line l ON l.order_id = o.id
            WHERE o.id = ANY($1::uuid[]) AND o.status <> 'CANCELLED'
            GROUP BY o.id, l.sku, o.occurred_at`,
      params: [[...orderIds]],
    }, now);
  }

  /** CANCELLATION entries putting these orders' units back, dated now: the goods return when the cancellation is recorded. */
  async recordCancellations(manager: EntityManager, orderIds: readonly string[], now: Date): Promise<number> {
    await this.lockProducts(manager, await this.skusOf(manager, orderIds));
    return this.appendFrom(manager, {
      sql: `SELECT 'cancel:' || l.order_id || ':' || l.sku AS movement_key, 'CANCELLATION' AS source, l.sku, sum(l.quantity)::int AS delta, $2::timestamptz AS occurred_at
            FROM transactions.order_line l
            WHERE l.order_id = ANY($1::uuid[])
            GROUP BY l.order_id, l.sku`,
      params: [[...orderIds], now.toISOString()],
    }, now);
  }

  private async skusOf(manager: EntityManager, orderIds: readonly string[]): Promise<string[]> {
    const rows: { sku: string }[] = await manager.query('SELECT DISTINCT sku FROM transactions.order_line WHERE order_id = ANY($1::uuid[])', [[...orderIds]]);
    return rows.map((r) => r.sku);
  }
}
