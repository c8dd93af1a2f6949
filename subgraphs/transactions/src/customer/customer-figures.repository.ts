import type { DataSource } from 'typeorm';
import { toValueRow, VALUE_ROW_COLUMNS, VALUE_ROWS_OF_IDS, type CustomerValueRow } from '../value/customer-value.repository';
import { toPurchaseSummaryRow, type PurchaseSummaryRow } from './purchase-summary.repository';

/** Purchase summaries and stored value rows of the customers asked for (either list may be empty). */
export interface CustomerFigures {
  summaries: PurchaseSummaryRow[];
  values: CustomerValueRow[];
}

/**
 * Reads a customer's purchase summary and stored value row in one statement when a request asks
 * both (the customer-360 page does), each alone otherwise. The summary is the one
 * PurchaseSummaryRepository computes: completed orders in the currency most of them use.
 */
export class CustomerFiguresRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alone: {
      summaries(customerIds: readonly string[]): Promise<PurchaseSummaryRow[]>;
      values(customerIds: readonly string[]): Promise<CustomerValueRow[]>;
    },
  ) {}

  async read(summaryIds: readonly string[], valueIds: readonly string[]): Promise<CustomerFigures> {
    if (valueIds.length === 0) return { summaries: summaryIds.length ? await this.alone.summaries(summaryIds) : [], values: [] };
    if (summaryIds.length === 0) return { summaries: [], values: await this.alone.values(valueIds) };
    const ids = [...new Set([...summaryIds, ...valueIds])];
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${VALUE_ROW_COLUMNS},
              s.currency AS summary_currency, s.order_count AS summary_order_count, s.total_spend AS summary_total_spend,
              s.first_at AS summary_first_at, s.last_at AS summary_last_at
       FROM ${VALUE_ROWS_OF_IDS}
       LEFT JOIN LATERAL (
         SELECT o.currency, count(*)::int AS order_count, sum(o.total)::float8 AS total_spend, min(o.occurred_at) AS first_at, max(o.occurred_at) AS last_at
         FROM transactions.customer_order o
         WHERE o.customer_id = ids.customer_id AND o.status = 'COMPLETED'
         GROUP BY o.currency
         ORDER BY order_count DESC, o.currency
         LIMIT 1
       ) s ON true`,
      [ids],
    );
    const wantsSummary = new Set(summaryIds);
    const wantsValue = new Set(valueIds);
    const figures: CustomerFigures = { summaries: [], values: [] };
    for (const r of raw) {
      const customerId = r.customer_id as string;
      if (wantsValue.has(customerId)) figures.values.push(toValueRow(r));
      if (wantsSummary.has(customerId) && r.summary_order_count !== null) {
        figures.summaries.push(
          toPurchaseSummaryRow({
            customer_id: customerId,
            currency: r.summary_currency,
            order_count: r.summary_order_count,
            total_spend: r.summary_total_spend,
            first_at: r.summary_first_at,
            last_at: r.summary_last_at,
          }),
        );
      }
    }
    return figures;
  }
}
