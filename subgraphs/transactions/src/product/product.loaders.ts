import DataLoader from 'dataloader';
import type { ProductEntity } from './product.entity';
import type { ProductRepository } from './product.repository';

/** Per-request loaders: one SQL statement per batch, results in key order. */
export function createProductLoaders(products: ProductRepository) {
  return {
    productBySku: new DataLoader<string, ProductEntity | null>(async (skus) => {
      const rows = await products.findBySkus(skus);
      const bySku = new Map(rows.map((row) => [row.sku, row]));
      return skus.map((sku) => bySku.get(sku) ?? null);
    }),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
