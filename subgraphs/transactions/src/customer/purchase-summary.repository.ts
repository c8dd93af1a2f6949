import type { DataSource } from 'typeorm';
import type { PurchaseSummaryType } from './purchase-summary.type';

export interface PurchaseSummaryRow extends PurchaseSummaryType {
  customerId: string;
}

/** Purchase aggregates, computed set-wise for many customers at once. */
export class PurchaseSummaryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summaries(customerIds: readonly string[]): Promise<PurchaseSummaryRow[]> {
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH per_currency AS (
         SELECT customer_id, currency, count(*)::int AS order_count, sum(total)::float8 AS total_spend,
                min(occurred_at) AS first_at, max(occurred_at) AS last_at
         FROM transactions.customer_order
         WHERE customer_id = ANY($1::uuid[]) AND status = 'COMPLETED'
         GROUP BY customer_id, currency
       )
       SELECT DISTINCT ON (customer_id) customer_id, currency, order_count, total_spend, first_at, last_at
       FROM per_currency
       ORDER BY customer_id, order_count DESC, currency`,
      [customerIds],
    );
    return raw.map(toPurchaseSummaryRow);
  }
}

/** A row of the summary columns (customer_id, currency, order_count, total_spend, first_at, last_at). */
export function toPurchaseSummaryRow(r: Record<string, unknown>): PurchaseSummaryRow {
  return {
    customerId: r.customer_id as string,
    orderCount: r.order_count as number,
    totalSpend: r.total_spend as number,
    currency: r.currency as string,
    firstPurchaseAt: new Date(r.first_at as string | Date),
    lastPurchaseAt: new Date(r.last_at as string | Date),
  };
}
