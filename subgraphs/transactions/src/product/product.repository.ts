import { In, type DataSource, type EntityManager } from 'typeorm';
import { ProductEntity } from './product.entity';

export interface ProductListQuery {
  size: number;
  afterSku?: string;
  category?: string | null;
  inStock?: boolean | null;
  active?: boolean | null;
}

/** All SQL for reading the catalogue (writes: catalogue/ and stock/). */
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
      if (query.inStock === true) qb.andWhere('p.active AND p.stock_level > 0');
      if (query.inStock === false) qb.andWhere('NOT (p.active AND p.stock_level > 0)');
      if (query.active != null) qb.andWhere('p.active = :active', { active: query.active });
      return qb;
    };
    const pageQuery = filtered().orderBy('p.sku', 'ASC').limit(query.size + 1);
    if (query.afterSku !== undefined) pageQuery.andWhere('p.sku > :afterSku', { afterSku: query.afterSku });
    const [rows, totalCount] = await Promise.all([pageQuery.getMany(), filtered().getCount()]);
    return { rows, totalCount };
  }
}
