import type { DataSource } from 'typeorm';
import { RevenueDimension } from './revenue-dimension';

export interface RevenueGroup {
  key: string;
  currency: string;
  customers: number;
  orders: number;
  revenue: number;
}

export interface RevenueQuery {
  dimension: RevenueDimension;
  /** null counts every customer. */
  onlyIds: string[] | null;
  from: Date | null;
  to: Date | null;
}

/** Fixed SQL per dimension (the argument picks one, never text from the caller): group key, extra joins, amount summed. */
const GROUPING: Record<RevenueDimension, { key: string; joins: string; amount: string }> = {
  [RevenueDimension.MONTH]: { key: "to_char(o.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM')", joins: '', amount: 'o.total' },
  [RevenueDimension.SALES_CHANNEL]: { key: 'o.channel', joins: '', amount: 'o.total' },
  [RevenueDimension.PRODUCT_CATEGORY]: {
    key: 'p.category',
    joins: 'JOIN transactions.order_line l ON l.order_id = o.id JOIN transactions.product p ON p.sku = l.sku',
    amount: 'l.line_total',
  },
  [RevenueDimension.LIFECYCLE_STAGE]: {
    key: "coalesce(v.lifecycle_stage, 'NOT_VALUED')",
    joins: 'LEFT JOIN transactions.customer_value v ON v.customer_id = o.customer_id',
    amount: 'o.total',
  },
};

/** Revenue of completed orders grouped in one statement; no order or customer row leaves the database. */
export class RevenueAggregateRepository {
  constructor(private readonly dataSource: DataSource) {}

  revenueBy(query: RevenueQuery): Promise<RevenueGroup[]> {
    const { key, joins, amount } = GROUPING[query.dimension];
    return this.dataSource.query(
      `SELECT ${key} AS key, o.currency::text AS currency, count(DISTINCT o.customer_id)::int AS customers,
              count(DISTINCT o.id)::int AS orders, sum(${amount})::float8 AS revenue
         FROM transactions.customer_order o ${joins}
        WHERE o.status = 'COMPLETED'
          AND ($1::uuid[] IS NULL OR o.customer_id = ANY($1::uuid[]))
          AND ($2::timestamptz IS NULL OR o.occurred_at >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR o.occurred_at < $3::timestamptz)
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [query.onlyIds, query.from?.toISOString() ?? null, query.to?.toISOString() ?? null],
    );
  }
}
