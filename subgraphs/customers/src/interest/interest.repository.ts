import type { DataSource } from 'typeorm';
import { InterestSource } from './interest.type';

export interface InterestRow {
  customerId: string;
  category: string;
  source: InterestSource;
  count: number;
}

/**
 * Categories named by interactions: `attributes.category` (a string) or `attributes.interests`
 * (an array of strings), grouped case-insensitively, for a batch of customers in one statement.
 */
export class InterestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async of(customerIds: readonly string[], since: Date): Promise<InterestRow[]> {
    const rows: { customer_id: string; kind: string; category: string; n: number }[] = await this.dataSource.query(
      `SELECT i.customer_id, i.kind, max(a.v) AS category, count(*)::int AS n
       FROM customers.interaction i, LATERAL (
         SELECT i.attributes ->> 'category' AS v WHERE jsonb_typeof(i.attributes -> 'category') = 'string'
         UNION ALL
         SELECT e FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(i.attributes -> 'interests') = 'array' THEN i.attributes -> 'interests' ELSE '[]'::jsonb END) e
       ) a
       WHERE i.customer_id = ANY($1::uuid[]) AND i.occurred_at >= $2 AND length(btrim(a.v)) BETWEEN 1 AND 100
       GROUP BY i.customer_id, i.kind, lower(btrim(a.v))
       ORDER BY i.customer_id, n DESC, category`,
      [customerIds, since],
    );
    return rows.map((r) => ({
      customerId: r.customer_id,
      category: r.category.trim(),
      source: r.kind === 'ACTIVE' ? InterestSource.STATED : InterestSource.BROWSED,
      count: r.n,
    }));
  }
}
