import { SKU_PATTERN } from '@c360/shared';
import { hasAtMostCents } from '../money';
import { badCurrency, badPrice, badSku, badText, noProducts, repeatedSku, tooManyProducts } from './catalogue.errors';
import type { ProductUpsertInput } from './catalogue.input';
import type { CatalogueRepository, CatalogueRow } from './catalogue.repository';
import { CatalogueChange, type UpsertProductsResultType } from './catalogue.type';

export const MAX_PRODUCTS_PER_CALL = 1000;
const MAX_PRICE = 9_999_999_999.99;
/** ISO 4217 codes the runtime knows: a typo such as "EUO" is refused, not stored. */
export const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** ERP catalogue feed: one transaction per call, idempotent, reporting what changed. */
export class CatalogueService {
  constructor(private readonly catalogue: CatalogueRepository) {}

  async upsert(inputs: ProductUpsertInput[], now = new Date()): Promise<UpsertProductsResultType> {
    const rows = toCatalogueRows(inputs);
    const changes = await this.catalogue.transaction((manager) => this.catalogue.upsert(manager, rows, now));
    const products = rows.map((r) => ({ sku: r.sku, change: changes.get(r.sku) ?? CatalogueChange.UNCHANGED }));
    const count = (change: CatalogueChange) => products.filter((p) => p.change === change).length;
    return { created: count(CatalogueChange.CREATED), updated: count(CatalogueChange.UPDATED), unchanged: count(CatalogueChange.UNCHANGED), products };
  }
}

/** Checks every input before anything is written; errors name the field's path, never its value. */
export function toCatalogueRows(inputs: ProductUpsertInput[]): CatalogueRow[] {
  if (inputs.length === 0) throw noProducts();
  if (inputs.length > MAX_PRODUCTS_PER_CALL) throw tooManyProducts(MAX_PRODUCTS_PER_CALL);
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const at = (field: string) => `inputs[${i}].${field}`;
    if (!SKU_PATTERN.test(input.sku)) throw badSku(at('sku'));
    checkText(input.name, at('name'), 200);
    checkText(input.category, at('category'), 64);
    if (seen.has(input.sku)) throw repeatedSku(at('sku'));
    seen.add(input.sku);
    if (!Number.isFinite(input.price) || input.price < 0 || input.price > MAX_PRICE || !hasAtMostCents(input.price)) throw badPrice(at('price'));
    if (!/^[A-Z]{3}$/.test(input.currency) || !CURRENCIES.has(input.currency)) throw badCurrency(at('currency'));
    return { sku: input.sku, name: input.name, category: input.category, price: input.price.toFixed(2), currency: input.currency, active: input.active ?? true };
  });
}

function checkText(value: string, field: string, max: number): void {
  if (value.trim().length === 0 || value.length > max) throw badText(field, max);
}
