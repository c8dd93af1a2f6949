import type { EntityManager } from 'typeorm';

export interface StockSnapshotRecord {
  snapshotId: string;
  asOf: Date;
  levelsDigest: string;
  levels: number;
  applied: number;
}

export interface StockLevelRow {
  sku: string;
  level: number;
}

/** All SQL of ERP stock snapshots: the record of snapshots received and applying their levels. */
export class StockSnapshotRepository {
  async find(manager: EntityManager, snapshotId: string): Promise<StockSnapshotRecord | null> {
    const [row]: { snapshot_id: string; as_of: Date | string; levels_digest: string; levels: number; applied: number }[] = await manager.query(
      'SELECT snapshot_id, as_of, levels_digest, levels, applied FROM transactions.stock_snapshot WHERE snapshot_id = $1',
      [snapshotId],
    );
    return row ? { snapshotId: row.snapshot_id, asOf: new Date(row.as_of), levelsDigest: row.levels_digest, levels: row.levels, applied: row.applied } : null;
  }

  /** Claims the snapshot id first: a concurrent replay waits on the key, then finds this record. */
  async insert(manager: EntityManager, record: StockSnapshotRecord, now: Date): Promise<void> {
    await manager.query(
      'INSERT INTO transactions.stock_snapshot (snapshot_id, as_of, levels_digest, levels, applied, received_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [record.snapshotId, record.asOf.toISOString(), record.levelsDigest, record.levels, record.applied, now.toISOString()],
    );
  }

  async setApplied(manager: EntityManager, snapshotId: string, applied: number): Promise<void> {
    await manager.query('UPDATE transactions.stock_snapshot SET applied = $2 WHERE snapshot_id = $1', [snapshotId, applied]);
  }

  /**
   * Sets each sku's ERP level as of `asOf`, unless the sku already has a level as of the same time
   * or later (an older snapshot never overwrites a newer one), and recomputes the cached level as
   * that level plus the ledger entries after `asOf`. The products must be locked. Returns the skus applied.
   */
  async apply(manager: EntityManager, levels: readonly StockLevelRow[], asOf: Date, now: Date): Promise<string[]> {
    const rows: { sku: string }[] = await manager.query(
      `WITH incoming AS (SELECT * FROM unnest($1::text[], $2::int[]) AS i(sku, level)),
       applied AS (
         UPDATE transactions.product p
         SET stock_erp_level = i.level,
             stock_as_of = $3::timestamptz,
             stock_level = i.level + coalesce((SELECT sum(m.delta)::int FROM transactions.stock_movement m WHERE m.sku = p.sku AND m.occurred_at > $3::timestamptz), 0),
             updated_at = $4::timestamptz
         FROM incoming i
         WHERE p.sku = i.sku AND (p.stock_as_of IS NULL OR p.stock_as_of < $3::timestamptz)
         RETURNING p.sku
       )
       SELECT sku FROM applied ORDER BY sku`,
      [levels.map((l) => l.sku), levels.map((l) => l.level), asOf.toISOString(), now.toISOString()],
    );
    return rows.map((r) => r.sku);
  }
}
