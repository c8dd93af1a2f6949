import type { DataSource } from 'typeorm';
import { toValueRow, VALUE_ROW_COLUMNS, VALUE_ROWS_OF_IDS, type CustomerValueRow } from '../value/customer-value.repository';
import type { CoPurchaseRestriction, CoPurchaseRow } from './co-purchase.repository';

export interface CustomerPurchases {
  customerId: string;
  categories: { category: string; lines: number }[];
  skus: string[];
}

export interface TargetingRows {
  /** One per requested customer, in request order. */
  values: CustomerValueRow[];
  /** One per requested customer, in request order. */
  purchases: CustomerPurchases[];
  /** Kept pairs of the skus the customers bought, strongest first per sku (empty unless asked for). */
  pairs: CoPurchaseRow[];
  /** The asked skus and every pair's alsoBought, by sku. */
  products: { sku: string; category: string; inStock: boolean }[];
}

export interface TargetingRowsRequest {
  customerIds: readonly string[];
  skus: readonly string[];
  /** null: no co-purchase pairs at all. */
  coPurchases: CoPurchaseRestriction | null;
}

/**
 * Every read of the offer targeting facts in one statement, whatever the number of customers:
 * the stored values, what each customer bought in COMPLETED orders (categories with line counts,
 * skus), the co-purchase pairs of those skus the caller can use (`alsoBoughtIn`, null = any; an
 * in-stock Y when `inStockOnly`), and stock of the offered skus and of every pair's Y. Each part
 * comes back as one JSON array, so the parts keep their own shapes and order.
 *
 * `bought` probes order lines order by order (the LATERAL with OFFSET 0 keeps that join a nested
 * loop on the order_line primary key) and joins products after grouping. Written as a plain join,
 * the planner misjudged the page's orders (1,197 estimated, 452 actual at 100k customers) and chose a
 * parallel sequential scan of every order line: ~100 ms and two worker processes per page at 10k
 * customers, against ~11 ms serial for the same rows. Grouping by sku alone is the same grouping
 * (a sku has one category).
 */
const TARGETING_FACTS = `
  WITH bought AS MATERIALIZED (
    SELECT b.customer_id, p.category, b.sku, b.lines
    FROM (
      SELECT o.customer_id, l.sku, count(*)::int AS lines
      FROM transactions.customer_order o
      CROSS JOIN LATERAL (SELECT sku FROM transactions.order_line WHERE order_id = o.id OFFSET 0) l
      WHERE o.customer_id = ANY($1::uuid[]) AND o.status = 'COMPLETED'
      GROUP BY o.customer_id, l.sku
    ) b
    JOIN transactions.product p ON p.sku = b.sku
  ), pairs AS MATERIALIZED (
    SELECT c.sku, c.rank, c.also_bought, c.together, c.with_sku, c.orders
    FROM transactions.co_purchase c
    WHERE $3::boolean AND c.sku IN (SELECT DISTINCT sku FROM bought)
      AND ($4::text[] IS NULL OR c.also_bought = ANY($4::text[]))
      AND (NOT $5::boolean OR EXISTS (SELECT 1 FROM transactions.product p WHERE p.sku = c.also_bought AND p.stock_level > 0))
  ), stock AS (
    SELECT sku, category, active AND stock_level > 0 AS in_stock
    FROM transactions.product
    WHERE sku = ANY($2::text[]) OR sku IN (SELECT also_bought FROM pairs)
  )
  SELECT
    (SELECT coalesce(json_agg(v), '[]') FROM (SELECT ${VALUE_ROW_COLUMNS} FROM ${VALUE_ROWS_OF_IDS}) v) AS values,
    (SELECT coalesce(json_agg(json_build_array(customer_id, category, sku, lines)), '[]') FROM bought) AS purchases,
    (SELECT coalesce(json_agg(json_build_array(sku, also_bought, together, with_sku, orders) ORDER BY sku, rank), '[]') FROM pairs) AS pairs,
    (SELECT coalesce(json_agg(json_build_array(sku, category, in_stock) ORDER BY sku), '[]') FROM stock) AS products`;

/** All SQL of the offer targeting facts. */
export class TargetingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async facts(request: TargetingRowsRequest): Promise<TargetingRows> {
    const { customerIds, skus, coPurchases } = request;
    const [row]: Array<{ values: unknown; purchases: unknown; pairs: unknown; products: unknown }> = await this.dataSource.query(TARGETING_FACTS, [
      customerIds,
      skus,
      coPurchases !== null,
      coPurchases?.alsoBoughtIn ?? null,
      coPurchases?.inStockOnly ?? false,
    ]);
    const values = (json(row.values) as Record<string, unknown>[]).map(toValueRow);
    const valueOf = new Map(values.map((v) => [v.customerId, v]));
    return {
      values: customerIds.map((id) => valueOf.get(id)!),
      purchases: purchasesOf(customerIds, json(row.purchases) as [string, string, string, number][]),
      pairs: (json(row.pairs) as [string, string, number, number, number][]).map(([sku, alsoBought, together, withSku, orders]) => ({ sku, alsoBought, together, withSku, orders })),
      products: (json(row.products) as [string, string, boolean][]).map(([sku, category, inStock]) => ({ sku, category, inStock })),
    };
  }
}

/** json columns arrive parsed from node-postgres and PGlite alike; text only if a driver does not parse them. */
const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** Categories (most lines first, then by name) and sorted skus of each customer. */
function purchasesOf(customerIds: readonly string[], rows: readonly [string, string, string, number][]): CustomerPurchases[] {
  const byCustomer = new Map(customerIds.map((id) => [id, { categories: new Map<string, number>(), skus: new Set<string>() }]));
  for (const [customerId, category, sku, lines] of rows) {
    const entry = byCustomer.get(customerId);
    if (!entry) continue;
    entry.categories.set(category, (entry.categories.get(category) ?? 0) + lines);
    entry.skus.add(sku);
  }
  return customerIds.map((customerId) => {
    const entry = byCustomer.get(customerId)!;
    const categories = [...entry.categories].map(([category, lines]) => ({ category, lines }));
    categories.sort((a, b) => b.lines - a.lines || a.category.localeCompare(b.category));
    return { customerId, categories, skus: [...entry.skus].sort() };
  });
}
