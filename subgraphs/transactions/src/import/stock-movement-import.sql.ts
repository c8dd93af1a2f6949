import { insertEventsSql, type ImportCheck, type ImportTables } from '@c360/shared';
import { MAX_MOVEMENTS_PER_CALL, MAX_UNITS } from '../stock/stock.limits';

const CONFLICT = 'was already imported with different content';

/** Rules over a staged movement `s`; $3 is the latest occurredAt accepted (now plus the clock skew tolerated). */
export const STOCK_MOVEMENT_CHECKS: ImportCheck[] = [
  { field: 'movementId', reason: 'must be 1 to 128 characters', failsWhen: `length(s.movement_id) NOT BETWEEN 1 AND 128` },
  { field: 'delta', reason: `must be a whole number from -${MAX_UNITS} to ${MAX_UNITS}, not 0`, failsWhen: `s.delta = 0 OR abs(s.delta) > ${MAX_UNITS}` },
  { field: 'occurredAt', reason: 'is in the future', failsWhen: `s.occurred_at > $3::timestamptz` },
  { field: 'sku', reason: 'is not in the catalogue', failsWhen: `NOT EXISTS (SELECT 1 FROM transactions.product p WHERE p.sku = s.sku)` },
];

/** Locks the batch's products in sku order, as the stock ledger does, so concurrent writers never deadlock. */
export const lockBatchProducts = (t: ImportTables) =>
  `SELECT 1 FROM transactions.product WHERE sku IN (SELECT DISTINCT sku FROM ${t.records}) ORDER BY sku FOR NO KEY UPDATE`;

/**
 * The batch's movements as the stock ledger's entries, keyed like adjustStock's (`erp:<movementId>`,
 * so the mutation and the import share one key space): the first row of each movement id, at the
 * millisecond precision adjustStock records. A relation for StockLedgerRepository.appendFrom.
 */
export const stagedMovements = (t: ImportTables) => `
  SELECT DISTINCT ON (movement_id) 'erp:' || movement_id AS movement_key, 'ERP_MOVEMENT' AS source, sku, delta, date_trunc('milliseconds', occurred_at) AS occurred_at
  FROM ${t.records} ORDER BY movement_id, line_no`;

/**
 * What adjustStock records for the movements it appends: `stock.level_changed` naming their skus
 * (sorted), source MOVEMENT, about nobody, one event per part of at most MAX_MOVEMENTS_PER_CALL skus.
 * Run just before the append, under the batch's product locks, over the same movements the append
 * will insert (those whose key the ledger does not hold yet), as adjustStock decides which are fresh;
 * a re-sent movement names no sku. $1 now.
 */
export const recordMovementEvents = (t: ImportTables) =>
  insertEventsSql('transactions', {
    type: 'stock.level_changed',
    customerId: 'NULL::uuid',
    payload: `jsonb_build_object('skus', jsonb_agg(f.sku ORDER BY f.sku COLLATE "C"), 'source', 'MOVEMENT')`,
    occurredAt: '$1::timestamptz',
    from: `FROM (
      SELECT sku, (row_number() OVER (ORDER BY sku COLLATE "C") - 1) / ${MAX_MOVEMENTS_PER_CALL} AS part
      FROM (SELECT DISTINCT e.sku FROM (${stagedMovements(t)}) e WHERE NOT EXISTS (SELECT 1 FROM transactions.stock_movement m WHERE m.movement_key = e.movement_key)) d
    ) f GROUP BY f.part`,
    orderBy: 'f.part',
  });

/**
 * Every staged row against the ledger entry of its movement id, after the batch's new entries
 * went in: the same sku, delta and time is that entry (counted inserted by the append) or its
 * replay (unchanged); anything else is a conflict, reported as a bad row and never applied. $1 job.
 */
export const compareWithLedger = (t: ImportTables) => `
  WITH seen AS (
    SELECT s.line_no, m.sku = s.sku AND m.delta = s.delta AND m.occurred_at = date_trunc('milliseconds', s.occurred_at) AS same
    FROM ${t.records} s JOIN transactions.stock_movement m ON m.movement_key = 'erp:' || s.movement_id
  ), conflicts AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason)
    SELECT $1, line_no, 'movementId', '${CONFLICT}' FROM seen WHERE NOT same
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) FILTER (WHERE same)::int AS same, count(*) FILTER (WHERE NOT same)::int AS conflicts, (SELECT count(*) FROM conflicts)::int AS reported FROM seen`;
