import { TEXT_CURSOR, decodeCursor, encodeCursor, pageSize, toPage, type Page } from '@c360/shared';
import { toProductType } from './product.mapper';
import type { ProductRepository } from './product.repository';
import type { ProductType } from './product.type';

export interface ProductListArgs {
  first?: number | null;
  after?: string | null;
  category?: string | null;
  inStock?: boolean | null;
  active?: boolean | null;
}

/** Catalogue browsing. */
export class ProductService {
  constructor(private readonly products: ProductRepository) {}

  async list(args: ProductListArgs): Promise<Page<ProductType>> {
    const size = pageSize(args.first);
    const afterSku = args.after ? String(decodeCursor(args.after, TEXT_CURSOR)[0]) : undefined;
    const { rows, totalCount } = await this.products.page({ size, afterSku, category: args.category, inStock: args.inStock, active: args.active });
    return toPage(rows, size, totalCount, (p) => encodeCursor([p.sku]), toProductType);
  }
}
