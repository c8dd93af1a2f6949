import { SCOPES, type ImportKind } from '@c360/shared';
import { outboxRecording } from '@c360/shared/events/outbox-switch';
import { claimSnapshots, compareResent, lockBatchProducts, recordAndApplyLevels, rejectOtherAsOf, STOCK_LEVEL_CHECKS } from './stock-level-import.sql';

/** Clock skew tolerated between the ERP and us (as setStockLevels). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Absolute ERP levels as of a time, keyed by snapshot id + sku, with setStockLevels' semantics:
 * stock is the last ERP level as of T minus the sales recorded after T, and an older count never
 * overwrites a newer one (such a row is recorded but counted unchanged). An NDJSON row is
 * `{"snapshotId","asOf","sku","level"}`, a CSV row the same columns; one snapshot may span
 * batches and files. A re-sent row with the same level is unchanged, with another level (or
 * another asOf for its snapshot) a bad row: a count is a fact, never merged.
 * Levels that apply record `stock.level_changed` (source SNAPSHOT) in the batch's transaction, as setStockLevels does.
 * No afterImport: eligibleOffers and nextBestOffers read live stock on every request.
 */
export function stockLevelImportKind(): ImportKind {
  return {
    name: 'stock-levels',
    schema: 'transactions',
    aboutCustomers: false,
    scope: SCOPES.STOCK_WRITE,
    records: {
      name: 'stock_levels',
      columns: [
        { name: 'snapshot_id', field: 'snapshotId', type: 'text', required: true },
        { name: 'as_of', field: 'asOf', type: 'timestamptz', required: true },
        { name: 'sku', field: 'sku', type: 'text', required: true },
        { name: 'level', field: 'level', type: 'integer', required: true },
      ],
    },
    checks: STOCK_LEVEL_CHECKS,
    async prepare({ now }) {
      return [{ value: new Date(now.getTime() + FUTURE_TOLERANCE_MS), type: 'timestamptz' }];
    },
    async merge({ tables, query, jobId, now }) {
      // Snapshot ids first, then products, the order setStockLevels takes them in: the two never deadlock.
      await query(claimSnapshots(tables), [jobId, now]);
      await query(lockBatchProducts(tables));
      const [other] = await query(rejectOtherAsOf(tables), [jobId]);
      const [fresh] = await query(recordAndApplyLevels(tables, outboxRecording()), [jobId, now]);
      const [resent] = await query(compareResent(tables), [jobId]);
      const stale = Number(fresh.recorded) - Number(fresh.applied);
      return { inserted: Number(fresh.applied), updated: 0, unchanged: stale + Number(resent.unchanged), conflicts: Number(other.conflicts) + Number(resent.conflicts) };
    },
  };
}
