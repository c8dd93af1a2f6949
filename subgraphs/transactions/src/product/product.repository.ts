import { In, type DataSource, type EntityManager } from 'typeorm';
import { ProductEntity } from './product.entity';

export interface ProductListQuery {
  size: number;
  afterSku?: string;
  category?: string | null;
  inStock?: boolean | null;
}

export interface StockDemand {
  sku: string;
  quantity: number;
}

/** All SQL for the catalogue and its stock. */
export class ProductRepository {
  constructor(private readonly dataSource: DataSource) {}

  findBySkus(skus: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ProductEntity[]> {
    return manager.getRepository(ProductEntity).findBy({ sku: In([...skus]) });
  }

  /** One page in sku order, plus one extra row to tell whether more follow. */
  async page(query: ProductListQuery): Promise<{ rows: ProductEntity[]; totalCount: number }> {
    const filtered = () => {
      const qb = this.dataSource.getRepository(ProductEntity).createQueryBuilder('p');
      if (query.category) qb.andWhere('p.category = :category', { category: query.category });
      if (query.inStock === true) qb.andWhere('p.stock_level > 0');
      if (query.inStock === false) qb.andWhere('p.stock_level = 0');
      return qb;
    };
    const pageQuery = filtered().orderBy('p.sku', 'ASC').limit(query.size + 1);
    if (query.afterSku !== undefined) pageQuery.andWhere('p.sku > :afterSku', { afterSku: query.afterSku });
    const [rows, totalCount] = await Promise.all([pageQuery.getMany(), filtered().getCount()]);
    return { rows, totalCount };
  }

  /**
   * Takes the demanded units out of stock, all or nothing per sku: the guard in the WHERE
   * clause is re-checked under the row lock, so concurrent orders can never oversell.
   * Returns the skus that did not have enough stock (the caller rolls back).
   */
  async takeStock(manager: EntityManager, demands: StockDemand[], now: Date): Promise<string[]> {
    const skus = demands.map((d) => d.sku);
    // Lock rows in sku order first, so two orders sharing products cannot deadlock. NO KEY UPDATE
    // (what the UPDATE takes anyway) leaves order lines' foreign-key checks unblocked.
    await manager.query('SELECT sku FROM transactions.product WHERE sku = ANY($1::text[]) ORDER BY sku FOR NO KEY UPDATE', [skus]);
    // Wrapped in a SELECT so both drivers hand back plain rows (TypeORM reshapes bare UPDATE results).
    const taken: { sku: string }[] = await manager.query(
      `WITH taken AS (
         UPDATE transactions.product p
         SET stock_level = p.stock_level - d.quantity, updated_at = $3
         FROM unnest($1::text[], $2::int[]) AS d(sku, quantity)
         WHERE p.sku = d.sku AND p.stock_level >= d.quantity
         RETURNING p.sku
       ) SELECT sku FROM taken`,
      [skus, demands.map((d) => d.quantity), now],
    );
    const ok = new Set(taken.map((row) => row.sku));
    return skus.filter((sku) => !ok.has(sku));
  }

  /** Puts units back (a cancelled order's goods return to the shelf). */
  async returnStock(manager: EntityManager, demands: StockDemand[], now: Date): Promise<void> {
    await manager.query(
      `UPDATE transactions.product p
       SET stock_level = p.stock_level + d.quantity, updated_at = $3
       FROM unnest($1::text[], $2::int[]) AS d(sku, quantity)
       WHERE p.sku = d.sku`,
      [demands.map((d) => d.sku), demands.map((d) => d.quantity), now],
    );
  }
}
