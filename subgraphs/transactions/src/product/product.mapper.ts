import type { ProductEntity } from './product.entity';
import type { ProductType } from './product.type';

/** Entity -> API type: only fields listed here reach the graph. */
export const toProductType = (e: ProductEntity): ProductType => ({
  sku: e.sku,
  name: e.name,
  category: e.category,
  price: e.price,
  currency: e.currency,
  stockLevel: Math.max(0, e.stockLevel),
  stockBalance: e.stockLevel,
  stockAsOf: e.stockAsOf,
  active: e.active,
  inStock: e.active && e.stockLevel > 0,
});
