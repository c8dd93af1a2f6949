import { SCOPES, type ImportKind } from '@c360/shared';
import type { CatalogueRepository } from '../catalogue/catalogue.repository';
import { CURRENCIES } from '../catalogue/catalogue.service';
import { CatalogueChange } from '../catalogue/catalogue.type';
import { claimSkus, PRODUCT_CHECKS, rejectRepeatedSkus, stagedProducts } from './product-import.sql';

/**
 * The ERP's catalogue, keyed by sku (the catalogue's own key: one product per sku, whichever
 * source system sends it). An NDJSON row is `{"sku","name","category","price","currency","active"?}`,
 * a CSV row the same columns. Written by the same set-wise statement as `upsertProducts`: a new
 * sku is inserted, a row with other content updates the product (a new price opens a price-history
 * entry; recorded orders keep theirs), the same content is unchanged.
 * No afterImport: offers and targeting read the catalogue live, and value scores read order totals.
 */
export function productImportKind(catalogue: CatalogueRepository): ImportKind {
  return {
    name: 'products',
    schema: 'transactions',
    aboutCustomers: false,
    scope: SCOPES.CATALOGUE_WRITE,
    jobTables: ['transactions.product_import_sku'],
    records: {
      name: 'products',
      columns: [
        { name: 'sku', field: 'sku', type: 'text', required: true },
        { name: 'name', field: 'name', type: 'text', required: true },
        { name: 'category', field: 'category', type: 'text', required: true },
        { name: 'price', field: 'price', type: 'numeric', required: true },
        { name: 'currency', field: 'currency', type: 'text', required: true },
        { name: 'active', field: 'active', type: 'boolean' },
      ],
    },
    checks: PRODUCT_CHECKS,
    async prepare() {
      return [{ value: [...CURRENCIES], type: 'text[]' }];
    },
    async merge({ tables, query, jobId, now }) {
      const [{ repeated }] = await query(rejectRepeatedSkus(tables), [jobId]);
      await query(claimSkus(tables), [jobId]);
      const changes = await catalogue.upsertFrom({ query }, { sql: stagedProducts(tables), params: [] }, now);
      const count = (change: CatalogueChange) => [...changes.values()].filter((c) => c === change).length;
      return { inserted: count(CatalogueChange.CREATED), updated: count(CatalogueChange.UPDATED), unchanged: count(CatalogueChange.UNCHANGED), conflicts: Number(repeated) };
    },
  };
}
