import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueChange } from './catalogue.type';

export interface CatalogueRow {
  sku: string;
  name: string;
  category: string;
  /** Decimal text with at most two decimals, e.g. "12.50". */
  price: string;
  currency: string;
  active: boolean;
}

/** A relation with the columns (sku, name, category, price numeric, currency, active): unnest of arrays, or a staging table. */
export interface CatalogueSource {
  sql: string;
  params: unknown[];
}

/** Whatever runs SQL in the caller's transaction: an EntityManager, or a bulk import's batch. */
export interface CatalogueWriter {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface PriceInForce {
  sku: string;
  price: number;
  currency: string;
}

/** All SQL of catalogue writes and of the price history. */
export class CatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  upsert(manager: EntityManager, rows: readonly CatalogueRow[], now: Date): Promise<Map<string, CatalogueChange>> {
    return this.upsertFrom(manager, {
      sql: 'SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::text[], $6::boolean[]) AS i(sku, name, category, price, currency, active)',
      params: [rows.map((r) => r.sku), rows.map((r) => r.name), rows.map((r) => r.category), rows.map((r) => r.price), rows.map((r) => r.currency), rows.map((r) => r.active)],
    }, now);
  }

  /**
   * The one set-wise catalogue write: inserts new skus (no stock until the ERP counts them), updates
   * only rows whose content differs, and opens a price-history entry wherever the price or currency
   * is new. Existing rows are locked first (in sku order), so "previous" is exact.
   */
  async upsertFrom(manager: CatalogueWriter, source: CatalogueSource, now: Date): Promise<Map<string, CatalogueChange>> {
    await manager.query(
      `SELECT sku FROM transactions.product WHERE sku IN (SELECT sku FROM (${source.sql}) s) ORDER BY sku FOR NO KEY UPDATE`,
      source.params,
    );
    const at = `$${source.params.length + 1}::timestamptz`;
    const rows = (await manager.query(
      `WITH incoming AS (SELECT sku, name, category, price::numeric(12,2) AS price, currency, active FROM (${source.sql}) s),
       previous AS (SELECT p.sku, p.price, p.currency FROM transactions.product p JOIN incoming USING (sku)),
       upserted AS (
         INSERT INTO transactions.product AS p (sku, name, category, price, currency, active, stock_level, updated_at)
         SELECT sku, name, category, price, currency, active, 0, ${at} FROM incoming
         ON CONFLICT (sku) DO UPDATE
           SET name = excluded.name, category = excluded.category, price = excluded.price, currency = excluded.currency, active = excluded.active, updated_at = excluded.updated_at
           WHERE (p.name, p.category, p.price, p.currency, p.active) IS DISTINCT FROM (excluded.name, excluded.category, excluded.price, excluded.currency, excluded.active)
         RETURNING p.sku, p.price, p.currency
       ), priced AS (
         INSERT INTO transactions.product_price_history (sku, valid_from, price, currency)
         SELECT u.sku, ${at}, u.price, u.currency FROM upserted u LEFT JOIN previous pr USING (sku)
         WHERE pr.sku IS NULL OR (pr.price, pr.currency) IS DISTINCT FROM (u.price, u.currency)
         ON CONFLICT (sku, valid_from) DO UPDATE SET price = excluded.price, currency = excluded.currency
         RETURNING sku
       )
       SELECT i.sku,
              CASE WHEN u.sku IS NULL THEN 'UNCHANGED' WHEN pr.sku IS NULL THEN 'CREATED' ELSE 'UPDATED' END AS change,
              (SELECT count(*) FROM priced) AS priced
       FROM incoming i LEFT JOIN upserted u USING (sku) LEFT JOIN previous pr ON pr.sku = i.sku`,
      [...source.params, now.toISOString()],
    )) as { sku: string; change: CatalogueChange }[];
    return new Map(rows.map((r) => [r.sku, r.change]));
  }

  /**
   * The price of each sku in force at `at`: the latest history entry from `at` or before, else the
   * earliest one (an order older than the product's first known price). Skus without history are absent.
   */
  async pricesAt(skus: readonly string[], at: Date, manager: EntityManager = this.dataSource.manager): Promise<PriceInForce[]> {
    const rows: { sku: string; price: string; currency: string }[] = await manager.query(
      `SELECT DISTINCT ON (sku) sku, price::text AS price, currency
       FROM transactions.product_price_history
       WHERE sku = ANY($1::text[])
       ORDER BY sku, (valid_from <= $2::timestamptz) DESC,
                CASE WHEN valid_from <= $2::timestamptz THEN valid_from END DESC,
                valid_from ASC`,
      [[...skus], at.toISOString()],
    );
    return rows.map((r) => ({ sku: r.sku, price: Number(r.price), currency: r.currency }));
  }
}
