import { SCOPES, type ImportKind } from '@c360/shared';
import { outboxRecording } from '@c360/shared/events/outbox-switch';
import { StockLedgerRepository } from '../stock/stock-ledger.repository';
import { rejectOverflowing } from './movement-overflow';
import { compareWithLedger, lockBatchProducts, recordMovementEvents, STOCK_MOVEMENT_CHECKS, stagedMovements } from './stock-movement-import.sql';

/** Clock skew tolerated between the ERP and us (as adjustStock). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * ERP stock movements (receipts, write-offs, transfers), keyed by movement id with adjustStock's
 * semantics and key space: a new movement is appended to the stock ledger and moves the cached level
 * unless it is dated at or before the sku's last ERP count (that count already holds it). An NDJSON
 * row is `{"movementId","sku","delta","occurredAt"}`, a CSV row the same columns. A re-sent movement
 * with the same sku, delta and time is unchanged (in the same file or a later one), with anything
 * else a bad row: a movement is a fact, never merged. A movement that would take a level outside
 * what it can hold (an integer) is a bad row too, never a database error for the whole batch. New movements
 * record `stock.level_changed` (source MOVEMENT) in the batch's transaction, as adjustStock does.
 * No afterImport: eligibleOffers and nextBestOffers read live stock on every request.
 */
export function stockMovementImportKind(ledger = new StockLedgerRepository()): ImportKind {
  return {
    name: 'stock-movements',
    schema: 'transactions',
    aboutCustomers: false,
    scope: SCOPES.STOCK_WRITE,
    records: {
      name: 'stock_movements',
      columns: [
        { name: 'movement_id', field: 'movementId', type: 'text', required: true },
        { name: 'sku', field: 'sku', type: 'text', required: true },
        { name: 'delta', field: 'delta', type: 'integer', required: true },
        { name: 'occurred_at', field: 'occurredAt', type: 'timestamptz', required: true },
      ],
    },
    checks: STOCK_MOVEMENT_CHECKS,
    async prepare({ now }) {
      return [{ value: new Date(now.getTime() + FUTURE_TOLERANCE_MS), type: 'timestamptz' }];
    },
    async merge({ tables, query, jobId, now }) {
      await query(lockBatchProducts(tables));
      const overflowing = await rejectOverflowing(query, tables, jobId);
      if (outboxRecording()) await query(recordMovementEvents(tables), [now]);
      const inserted = await ledger.appendFrom({ query }, { sql: stagedMovements(tables), params: [] }, now);
      // A row the append skipped names a movement recorded before (by adjustStock, an earlier file, batch or line).
      const [compared] = await query(compareWithLedger(tables), [jobId]);
      return { inserted, updated: 0, unchanged: Number(compared.same) - inserted, conflicts: Number(compared.conflicts) + overflowing };
    },
  };
}
