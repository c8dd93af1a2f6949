import type { ImportQuery, ImportTables } from '@c360/shared';

/** `product.stock_level` is a PostgreSQL integer. */
const MIN_LEVEL = -2_147_483_648;
const MAX_LEVEL = 2_147_483_647;
export const OVERFLOW_REASON = `would take the stock level outside ${MIN_LEVEL} to ${MAX_LEVEL}`;

/**
 * The staged movements that will move a cached level (first row of a movement id not yet in the
 * ledger, dated after the sku's last ERP count, as StockLedgerRepository.appendFrom decides), with
 * the level they start from. Products are locked, so the level cannot move under us.
 */
const levelMoves = (t: ImportTables) => `
  SELECT s.line_no, s.movement_id, s.sku, s.delta::bigint AS delta, p.stock_level::bigint AS level
  FROM (SELECT DISTINCT ON (movement_id) * FROM ${t.records} ORDER BY movement_id, line_no) s
  JOIN transactions.product p ON p.sku = s.sku
  WHERE (p.stock_as_of IS NULL OR date_trunc('milliseconds', s.occurred_at) > p.stock_as_of)
    AND NOT EXISTS (SELECT 1 FROM transactions.stock_movement m WHERE m.movement_key = 'erp:' || s.movement_id)`;

/** Skus whose level leaves the integer range at some point of the batch, taken in line order. */
const overflowingSkus = (t: ImportTables) => `
  SELECT DISTINCT sku FROM (
    SELECT sku, level + sum(delta) OVER (PARTITION BY sku ORDER BY line_no) AS running FROM (${levelMoves(t)}) m
  ) r WHERE running NOT BETWEEN ${MIN_LEVEL} AND ${MAX_LEVEL}`;

interface Move {
  line_no: string;
  movement_id: string;
  sku: string;
  delta: string;
  level: string;
}

/**
 * Rejects, as bad rows on `delta`, the movements that would take a product's stock level outside
 * what the level can hold: the file's movements are applied in line order, and one that would
 * overflow is refused (with every row naming the same movement id) while the others still apply.
 * One statement when nothing overflows; the rare overflowing skus are then walked row by row.
 * Returns how many rows it rejected.
 */
export async function rejectOverflowing(query: ImportQuery, tables: ImportTables, jobId: string): Promise<number> {
  const skus = (await query(overflowingSkus(tables))).map((r) => r.sku as string);
  if (skus.length === 0) return 0;
  const moves = (await query(`SELECT * FROM (${levelMoves(tables)}) m WHERE sku = ANY($1::text[]) ORDER BY sku, line_no`, [skus])) as unknown as Move[];
  const refused: string[] = [];
  const levels = new Map<string, bigint>();
  for (const move of moves) {
    const level = levels.get(move.sku) ?? BigInt(move.level);
    const next = level + BigInt(move.delta);
    if (next < BigInt(MIN_LEVEL) || next > BigInt(MAX_LEVEL)) refused.push(move.movement_id);
    else levels.set(move.sku, next);
  }
  const [row] = await query(
    `WITH bad AS (DELETE FROM ${tables.records} s WHERE s.movement_id = ANY($2::text[]) RETURNING s.line_no),
          reported AS (INSERT INTO ${tables.badRows} (job_id, line_no, field, reason) SELECT $1, line_no, 'delta', $3 FROM bad ON CONFLICT DO NOTHING RETURNING 1)
     SELECT (SELECT count(*) FROM bad)::int AS rejected, (SELECT count(*) FROM reported)::int AS reported`,
    [jobId, refused, OVERFLOW_REASON],
  );
  return Number(row.rejected);
}
