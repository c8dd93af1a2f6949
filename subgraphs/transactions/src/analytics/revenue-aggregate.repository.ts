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

/** A value-score key for customers who consented to profiling ($7); SCORING_WITHHELD for the others. */
const scoreKey = (key: string) => `CASE WHEN $7::uuid[] IS NULL OR o.customer_id = ANY($7::uuid[]) THEN ${key} ELSE 'SCORING_WITHHELD' END`;

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

/** How much one customer may add: to how many groups, how many orders and how much money per group. */
export interface ContributionBounds {
  maxGroupsPerCustomer: number;
  maxOrdersPerCustomer: number;
  maxAmountPerCustomer: number;
}

/**
 * Revenue of completed orders grouped in one statement; no order or customer row leaves the
 * database. Contributions are bounded first: per customer and group at most `maxOrders` orders
 * and `maxAmount` money, and each customer counts in at most `maxGroups` groups (a stable
 * pseudo-random pick), so the noise can be calibrated to what one customer can move.
 */
export class RevenueAggregateRepository {
  constructor(private readonly dataSource: DataSource) {}

  revenueBy(query: RevenueQuery, bounds: ContributionBounds): Promise<RevenueGroup[]> {
    const { key, joins, amount, scored } = GROUPING[query.dimension];
    const params: unknown[] = [query.onlyIds, query.from?.toISOString() ?? null, query.to?.toISOString() ?? null];
    params.push(bounds.maxGroupsPerCustomer, bounds.maxOrdersPerCustomer, bounds.maxAmountPerCustomer);
    if (scored) params.push(query.profiled);
    return this.dataSource.query(
      `WITH contribution AS (
         SELECT ${key} AS key, o.currency::text AS currency, o.customer_id,
                least(count(DISTINCT o.id), $5::int) AS orders, least(greatest(sum(${amount}), 0), $6::numeric) AS revenue
           FROM transactions.customer_order o ${joins}
          WHERE o.status = 'COMPLETED'
            AND ($1::uuid[] IS NULL OR o.customer_id = ANY($1::uuid[]))
            AND ($2::timestamptz IS NULL OR o.occurred_at >= $2::timestamptz)
            AND ($3::timestamptz IS NULL OR o.occurred_at < $3::timestamptz)
          GROUP BY 1, 2, 3
       ), bounded AS (
         SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY md5(customer_id::text || key || currency)) AS nth FROM contribution
       )
       SELECT key, currency, count(*)::int AS customers, sum(orders)::int AS orders, sum(revenue)::float8 AS revenue
         FROM bounded
        WHERE nth <= $4::int
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      params,
    );
  }
}
