import { insertEventsSql, type ImportCheck, type ImportTables } from '@c360/shared';
import { MAX_LEVELS_PER_CALL, MAX_UNITS } from '../stock/stock.limits';

const CONFLICT = 'was already imported with different content';

/** Rules over a staged level `s`; $3 is the latest asOf accepted (now plus the clock skew tolerated). */
export const STOCK_LEVEL_CHECKS: ImportCheck[] = [
  { field: 'snapshotId', reason: 'must be 1 to 128 characters', failsWhen: `length(s.snapshot_id) NOT BETWEEN 1 AND 128` },
  { field: 'asOf', reason: 'is in the future', failsWhen: `s.as_of > $3::timestamptz` },
  { field: 'level', reason: `must be a whole number from 0 to ${MAX_UNITS}`, failsWhen: `s.level NOT BETWEEN 0 AND ${MAX_UNITS}` },
  { field: 'sku', reason: 'is not in the catalogue', failsWhen: `NOT EXISTS (SELECT 1 FROM transactions.product p WHERE p.sku = s.sku)` },
];

/** Locks the batch's products in sku order, as the stock ledger does, so concurrent writers never deadlock. */
export const lockBatchProducts = (t: ImportTables) =>
  `SELECT 1 FROM transactions.product WHERE sku IN (SELECT DISTINCT sku FROM ${t.records}) ORDER BY sku FOR NO KEY UPDATE`;

/**
 * Records each new snapshot id with the asOf of its first row (a concurrent claim waits on the
 * key), then refuses every row whose asOf is not its snapshot's: one snapshot is one count. $1 job, $2 now.
 */
export const claimSnapshots = (t: ImportTables) => `
  INSERT INTO transactions.stock_snapshot (snapshot_id, as_of, levels_digest, levels, applied, received_at)
  SELECT DISTINCT ON (snapshot_id) snapshot_id, as_of, 'import:' || $1, 0, 0, $2 FROM ${t.records} ORDER BY snapshot_id, line_no
  ON CONFLICT (snapshot_id) DO NOTHING`;

export const rejectOtherAsOf = (t: ImportTables) => `
  WITH other AS (
    DELETE FROM ${t.records} s USING transactions.stock_snapshot k
    WHERE k.snapshot_id = s.snapshot_id AND k.as_of <> date_trunc('milliseconds', s.as_of)
    RETURNING s.line_no
  ), reported AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason) SELECT $1, line_no, 'asOf', '${CONFLICT}' FROM other ON CONFLICT DO NOTHING RETURNING 1
  )
  SELECT (SELECT count(*) FROM other)::int AS conflicts, (SELECT count(*) FROM reported)::int AS reported`;

/**
 * Records the batch's new (snapshot, sku) levels (the first row of each pair; a pair recorded
 * before is compared below) and applies the newest of them to each sku, as setStockLevels does:
 * unless the sku already has a level as of the same time or later, its ERP level and time are set
 * and the cached level becomes that level plus the ledger entries after it. Every level writer
 * holds the sku's product lock, so "new" is exact. Counts both on their snapshots. $1 job, $2 now.
 * Which level applies is decided before writing, so no step joins one statement's output to another's
 * (their row estimates are guesses, and a nested loop over two 20,000-row outputs takes minutes).
 */
export const recordAndApplyLevels = (t: ImportTables, events = true) => `
  WITH candidates AS (
    SELECT DISTINCT ON (snapshot_id, sku) line_no, snapshot_id, sku, level FROM ${t.records} ORDER BY snapshot_id, sku, line_no
  ), fresh AS (
    SELECT c.*, k.as_of, row_number() OVER (PARTITION BY c.sku ORDER BY k.as_of DESC, c.snapshot_id) = 1 AS newest
    FROM candidates c JOIN transactions.stock_snapshot k USING (snapshot_id)
    WHERE NOT EXISTS (SELECT 1 FROM transactions.stock_snapshot_level l WHERE l.snapshot_id = c.snapshot_id AND l.sku = c.sku)
  ), planned AS (
    SELECT f.*, f.newest AND (p.stock_as_of IS NULL OR p.stock_as_of < f.as_of) AS applies
    FROM fresh f JOIN transactions.product p ON p.sku = f.sku
  ), applied AS (
    UPDATE transactions.product p
    SET stock_erp_level = n.level,
        stock_as_of = n.as_of,
        stock_level = n.level + coalesce((SELECT sum(m.delta)::int FROM transactions.stock_movement m WHERE m.sku = p.sku AND m.occurred_at > n.as_of), 0),
        updated_at = $2
    FROM planned n
    WHERE p.sku = n.sku AND n.applies
    RETURNING p.sku
  )${events ? levelEvents : ''}, recorded AS (
    INSERT INTO transactions.stock_snapshot_level (snapshot_id, sku, level, applied, job_id, line_no)
    SELECT snapshot_id, sku, level, applies, $1, line_no FROM planned
    RETURNING snapshot_id, applied
  ), counted AS (
    UPDATE transactions.stock_snapshot k SET levels = k.levels + c.levels, applied = k.applied + c.applied
    FROM (SELECT snapshot_id, count(*)::int AS levels, (count(*) FILTER (WHERE applied))::int AS applied FROM recorded GROUP BY snapshot_id) c
    WHERE k.snapshot_id = c.snapshot_id
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM recorded)::int AS recorded, (SELECT count(*) FROM applied)::int AS applied, (SELECT count(*) FROM counted)::int AS snapshots`;

/**
 * What setStockLevels records when levels apply: `stock.level_changed` naming the applied skus (sorted),
 * source SNAPSHOT, about nobody. One event per part of at most MAX_LEVELS_PER_CALL skus, so no event
 * names more skus than one setStockLevels call can; each applied sku is named once, a recorded but
 * stale or re-sent level not at all. No events when the outbox is off (benchmark only).
 */
const levelEvents = `, level_events AS (
    ${insertEventsSql('transactions', {
      type: 'stock.level_changed',
      customerId: 'NULL::uuid',
      payload: `jsonb_build_object('skus', jsonb_agg(a.sku ORDER BY a.sku COLLATE "C"), 'source', 'SNAPSHOT')`,
      occurredAt: '$2::timestamptz',
      from: `FROM (SELECT sku, (row_number() OVER (ORDER BY sku COLLATE "C") - 1) / ${MAX_LEVELS_PER_CALL} AS part FROM applied) a GROUP BY a.part`,
      orderBy: 'a.part',
    })}
    RETURNING 1
  )`;

/**
 * Every staged row not recorded by this batch repeats a (snapshot, sku) recorded before (by an
 * earlier batch, file or line): the same level is unchanged, another level a conflict reported
 * as a bad row, never applied. $1 job.
 */
export const compareResent = (t: ImportTables) => `
  WITH seen AS (
    SELECT s.line_no, l.level = s.level AS same
    FROM ${t.records} s JOIN transactions.stock_snapshot_level l ON l.snapshot_id = s.snapshot_id AND l.sku = s.sku
    WHERE NOT (l.job_id = $1 AND l.line_no = s.line_no)
  ), conflicts AS (
    INSERT INTO ${t.badRows} (job_id, line_no, field, reason)
    SELECT $1, line_no, 'level', '${CONFLICT}' FROM seen WHERE NOT same
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) FILTER (WHERE same)::int AS unchanged, count(*) FILTER (WHERE NOT same)::int AS conflicts, (SELECT count(*) FROM conflicts)::int AS reported FROM seen`;
