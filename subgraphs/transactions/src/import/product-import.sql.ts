import { SKU_PATTERN, SKU_RULE, type ImportCheck, type ImportTables } from '@c360/shared';

/** Highest price a catalogue file may carry (the same bound as an imported order line's unit price). */
export const MAX_IMPORTED_PRICE = '99999.99';

/** Rules over a staged product `s`; $3 holds the ISO 4217 codes the runtime knows. */
export const PRODUCT_CHECKS: ImportCheck[] = [
  { field: 'sku', reason: SKU_RULE, failsWhen: `s.sku !~ '${SKU_PATTERN.source}'` },
  { field: 'name', reason: 'must be 1 to 200 characters', failsWhen: `length(s.name) NOT BETWEEN 1 AND 200` },
  { field: 'category', reason: 'must be 1 to 64 characters', failsWhen: `length(s.category) NOT BETWEEN 1 AND 64` },
  { field: 'price', reason: `must be 0 to ${MAX_IMPORTED_PRICE} with at most 2 decimals`, failsWhen: `s.price NOT BETWEEN 0 AND ${MAX_IMPORTED_PRICE} OR s.price <> round(s.price, 2)` },
  { field: 'currency', reason: 'must be an ISO 4217 code such as EUR', failsWhen: `s.currency !~ '^[A-Z]{3}$' OR s.currency <> ALL($3::text[])` },
];

/**
 * A sku given again later in the same file is a bad row (the first occurrence is imported): a file
 * stating two versions of one product is ambiguous. Earlier in this batch, or taken by an earlier
 * batch of this job (claimSkus; a resumed job keeps its claims). $1 job.
 */
export const rejectRepeatedSkus = (t: ImportTables) => `
  WITH repeated AS (
    DELETE FROM ${t.records} s
    WHERE EXISTS (SELECT 1 FROM ${t.records} e WHERE e.sku = s.sku AND e.line_no < s.line_no)
       OR EXISTS (SELECT 1 FROM transactions.product_import_sku k WHERE k.job_id = $1 AND k.sku = s.sku AND k.line_no < s.line_no)
    RETURNING s.line_no
  ), reported AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason)
    SELECT $1, line_no, 'sku', 'repeats a sku given earlier in this file' FROM repeated
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM repeated)::int AS repeated, (SELECT count(*) FROM reported)::int AS reported`;

/** Records the batch's skus (one each after rejectRepeatedSkus) as taken by this job, for its later batches. $1 job. */
export const claimSkus = (t: ImportTables) => `
  INSERT INTO transactions.product_import_sku (job_id, sku, line_no)
  SELECT $1, sku, line_no FROM ${t.records}
  ON CONFLICT (job_id, sku) DO NOTHING`;

/** The staged products as the catalogue write reads them (a missing `active` means active). */
export const stagedProducts = (t: ImportTables) => `SELECT sku, name, category, price, currency, coalesce(active, true) AS active FROM ${t.records}`;
