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
  /** Customers whose value scores may be used (PROFILING consent); null: everyone's (and for dimensions without scores). */
  profiled: string[] | null;
  from: Date | null;
  to: Date | null;
}

const VALUE_JOIN = 'LEFT JOIN transactions.customer_value v ON v.customer_id = o.customer_id';

/** A value-score key for customers who consented to profiling ($4); SCORING_WITHHELD for the others. */
const scoreKey = (key: string) => `CASE WHEN $4::uuid[] IS NULL OR o.customer_id = ANY($4::uuid[]) THEN ${key} ELSE 'SCORING_WITHHELD' END`;

/** Fixed SQL per dimension (the argument picks one, never text from the caller): group key, extra joins, amount summed, whether the key uses value scores. */
const GROUPING: Record<RevenueDimension, { key: string; joins: string; amount: string; scored?: true }> = {
  [RevenueDimension.MONTH]: { key: "to_char(o.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM')", joins: '', amount: 'o.total' },
  [RevenueDimension.SALES_CHANNEL]: { key: 'o.channel', joins: '', amount: 'o.total' },
  [RevenueDimension.PRODUCT_CATEGORY]: {
    key: 'p.category',
    joins: 'JOIN transactions.order_line l ON l.order_id = o.id JOIN transactions.product p ON p.sku = l.sku',
    amount: 'l.line_total',
  },
  [RevenueDimension.LIFECYCLE_STAGE]: { key: scoreKey("coalesce(v.lifecycle_stage, 'NOT_VALUED')"), joins: VALUE_JOIN, amount: 'o.total', scored: true },
  [RevenueDimension.RFM_SEGMENT]: {
    key: scoreKey("CASE WHEN v.customer_id IS NULL THEN 'NOT_VALUED' ELSE coalesce(v.segment, 'NOT_SCORED') END"),
    joins: VALUE_JOIN,
    amount: 'o.total',
    scored: true,
  },
};

/** Revenue of completed orders grouped in one statement; no order or customer row leaves the database. */
export class RevenueAggregateRepository {
  constructor(private readonly dataSource: DataSource) {}

  revenueBy(query: RevenueQuery): Promise<RevenueGroup[]> {
    const { key, joins, amount, scored } = GROUPING[query.dimension];
    const params: unknown[] = [query.onlyIds, query.from?.toISOString() ?? null, query.to?.toISOString() ?? null];
    if (scored) params.push(query.profiled);
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
      params,
    );
  }
}
