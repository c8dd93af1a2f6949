import type { DataSource } from 'typeorm';

export interface CustomerPurchases {
  customerId: string;
  categories: { category: string; lines: number }[];
  skus: string[];
}

/** All SQL of the offer targeting facts: each method is one statement, whatever the number of customers. */
export class TargetingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Categories (with line counts) and skus each customer bought in COMPLETED orders. */
  async purchases(customerIds: readonly string[]): Promise<CustomerPurchases[]> {
    const rows: Array<{ customer_id: string; category: string; sku: string; lines: number }> = await this.dataSource.query(
      `SELECT o.customer_id, p.category, l.sku, count(*)::int AS lines
       FROM transactions.customer_order o
       JOIN transactions.order_line l ON l.order_id = o.id
       JOIN transactions.product p ON p.sku = l.sku
       WHERE o.customer_id = ANY($1::uuid[]) AND o.status = 'COMPLETED'
       GROUP BY o.customer_id, p.category, l.sku`,
      [customerIds],
    );
    const byCustomer = new Map(customerIds.map((id) => [id, { categories: new Map<string, number>(), skus: new Set<string>() }]));
    for (const row of rows) {
      const entry = byCustomer.get(row.customer_id);
      if (!entry) continue;
      entry.categories.set(row.category, (entry.categories.get(row.category) ?? 0) + row.lines);
      entry.skus.add(row.sku);
    }
    return customerIds.map((customerId) => {
      const entry = byCustomer.get(customerId)!;
      const categories = [...entry.categories].map(([category, lines]) => ({ category, lines }));
      categories.sort((a, b) => b.lines - a.lines || a.category.localeCompare(b.category));
      return { customerId, categories, skus: [...entry.skus].sort() };
    });
  }

  async products(skus: readonly string[]): Promise<{ sku: string; category: string; inStock: boolean }[]> {
    if (skus.length === 0) return [];
    const rows: Array<{ sku: string; category: string; in_stock: boolean }> = await this.dataSource.query(
      'SELECT sku, category, active AND stock_level > 0 AS in_stock FROM transactions.product WHERE sku = ANY($1::text[]) ORDER BY sku',
      [skus],
    );
    return rows.map((r) => ({ sku: r.sku, category: r.category, inStock: r.in_stock }));
  }
}
