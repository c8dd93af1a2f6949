import type { DataSource } from 'typeorm';

export interface CoPurchaseRow {
  sku: string;
  alsoBought: string;
  together: number;
  withSku: number;
  orders: number;
}

/** Which pairs the caller can use: Y among these skus (null = any), and only in-stock Y. */
export interface CoPurchaseRestriction {
  alsoBoughtIn: readonly string[] | null;
  inStockOnly: boolean;
}

export interface CoPurchaseBounds {
  since: Date;
  /** Pairs seen in fewer orders are noise. */
  minTogether: number;
  /** Strongest pairs kept per bought sku. */
  perSku: number;
}

/** Runs after a full refresh has locked the base: only one co-purchase rebuild at a time. */
const REBUILD_LOCK = `pg_advisory_xact_lock(hashtext('transactions.co_purchase'))`;

/**
 * "Bought X, also bought Y" from order lines, kept in `transactions.co_purchase`: rebuilt
 * set-wise with each full value refresh (a self-join of order lines over the whole window is
 * far too heavy for a request), read per request by sku.
 */
export class CoPurchaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * For every sku, the skus found in the same COMPLETED orders since `bounds.since`, strongest first, at most `perSku`.
   * De-identified orders (erased customers', under a pseudonym) are counted on purpose: the pairs are sku-to-sku
   * counts over the whole base, keyed by no customer, so they profile nobody (unlike the value analysis, which skips them).
   */
  async rebuild(bounds: CoPurchaseBounds): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT ${REBUILD_LOCK}`);
      await manager.query('DELETE FROM transactions.co_purchase');
      await manager.query(
        `WITH recent AS (
           SELECT id FROM transactions.customer_order WHERE status = 'COMPLETED' AND occurred_at >= $1::timestamptz
         ), lines AS (
           SELECT DISTINCT l.order_id, l.sku FROM transactions.order_line l JOIN recent o ON o.id = l.order_id
         ), pairs AS (
           SELECT a.sku, b.sku AS also_bought, count(*)::int AS together
           FROM lines a JOIN lines b ON b.order_id = a.order_id AND b.sku <> a.sku
           GROUP BY a.sku, b.sku
         ), with_sku AS (
           SELECT sku, count(*)::int AS with_sku FROM lines GROUP BY sku
         ), ranked AS (
           SELECT p.sku, p.also_bought, p.together, w.with_sku,
                  row_number() OVER (PARTITION BY p.sku ORDER BY p.together DESC, p.also_bought) AS rank
           FROM pairs p JOIN with_sku w ON w.sku = p.sku
           WHERE p.together >= $2
         )
         INSERT INTO transactions.co_purchase (sku, rank, also_bought, together, with_sku, orders)
         SELECT sku, rank, also_bought, together, with_sku, (SELECT count(*)::int FROM recent) FROM ranked WHERE rank <= $3`,
        [bounds.since.toISOString(), bounds.minTogether, bounds.perSku],
      );
    });
  }
}
