import type { DataSource } from 'typeorm';
import { comparisonSql, SegmentField, SqlParameters, windowStart, type SegmentCondition } from '@c360/shared/segments';

/** The value analysis column each value field compares (fixed SQL, never caller text). */
const VALUE_COLUMN: Partial<Record<SegmentField, string>> = {
  [SegmentField.RECENCY_DAYS]: 'v.recency_days',
  [SegmentField.FREQUENCY]: 'v.frequency',
  [SegmentField.MONETARY]: 'v.monetary',
  [SegmentField.HISTORICAL_VALUE]: 'v.historical_value',
  [SegmentField.PREDICTED_VALUE]: 'v.predicted_value',
  [SegmentField.CHURN_RISK]: 'v.churn_risk',
  [SegmentField.RFM_SEGMENT]: 'v.segment',
  [SegmentField.LIFECYCLE_STAGE]: 'v.lifecycle_stage',
};

/** Set-wise SQL for the segment conditions this subgraph owns: one statement per condition, whatever the base size. */
export class SegmentConditionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Customers whose stored value matches; `population` (null: everyone) limits it to customers whose scores may be used. */
  async valueMatches(condition: SegmentCondition, population: readonly string[] | null): Promise<string[]> {
    const params = new SqlParameters();
    const predicate = comparisonSql(condition, VALUE_COLUMN[condition.field]!, params);
    const allowed = params.bind(population, 'uuid[]');
    const rows: { customer_id: string }[] = await this.dataSource.query(
      `SELECT v.customer_id FROM transactions.customer_value v WHERE ${predicate} AND (${allowed} IS NULL OR v.customer_id = ANY(${allowed}))`,
      params.values,
    );
    return rows.map((r) => r.customer_id);
  }

  /** Customers with a completed order holding a product of the category, within the window if one is given. */
  async purchasedCategory(condition: SegmentCondition, now: Date): Promise<string[]> {
    const params = new SqlParameters();
    const predicate = comparisonSql(condition, 'p.category', params);
    const since = windowStart(condition, now);
    const window = since ? `AND o.occurred_at >= ${params.bind(since.toISOString(), 'timestamptz')}` : '';
    const rows: { customer_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT o.customer_id FROM transactions.customer_order o
       WHERE o.status = 'COMPLETED' ${window}
         AND EXISTS (SELECT 1 FROM transactions.order_line l JOIN transactions.product p ON p.sku = l.sku WHERE l.order_id = o.id AND ${predicate})`,
      params.values,
    );
    return rows.map((r) => r.customer_id);
  }
}
