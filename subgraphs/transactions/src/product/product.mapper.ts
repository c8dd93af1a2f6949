import type { ProductEntity } from './product.entity';
import type { ProductType } from './product.type';

/** Entity -> API type: only fields listed here reach the graph. */
export const toProductType = (e: ProductEntity): ProductType => ({
  sku: e.sku,
  name: e.name,
  category: e.category,
  price: e.price,
  currency: e.currency,
  stockLevel: e.stockLevel,
  inStock: e.stockLevel > 0,
});
