import { lockedStagedAliases, recordStagedAliasWrites, repointStagedAliases, retiredByMoveMarkers, stagedAliasesFrom, stagedAliasLines, stagedAliasParams, type ImportKind } from '@c360/shared';
import { outboxRecording } from '@c360/shared/events/outbox-switch';
import type { KnownCustomers } from './known-customers';
import { compareResent, insertLines, insertOrders, insertSales, lockBatchProducts, moveStock, ORDER_CHECKS, ORDER_LINE_CHECKS, recordOrderEvents } from './order-import.sql';

/**
 * Orders with their lines, keyed by source system + external id. An NDJSON row is
 * `{"externalId","customerId","channel","currency","occurredAt"?,"status"?,"lines":[{"sku","quantity","unitPrice"?}]}`;
 * a CSV row has the same columns with `lines` as a JSON array. A retired (merged) customer id lands on
 * its survivor, noted so that an unmerge gives the order back, as recordOrder does for staff and ERP. Each
 * order written records `order.recorded` as recordOrder does, in the batch's transaction.
 */
export function orderImportKind(known: KnownCustomers, afterImport: () => Promise<void>): ImportKind {
  return {
    name: 'orders',
    schema: 'transactions',
    aboutCustomers: true,
    scope: 'orders:write',
    records: {
      name: 'orders',
      columns: [
        { name: 'order_id', field: '(id)', type: 'uuid', generated: 'uuid' },
        { name: 'external_id', field: 'externalId', type: 'text', required: true },
        { name: 'customer_id', field: 'customerId', type: 'uuid', required: true },
        { name: 'channel', field: 'channel', type: 'text', required: true },
        { name: 'currency', field: 'currency', type: 'text', required: true },
        { name: 'occurred_at', field: 'occurredAt', type: 'timestamptz' },
        { name: 'status', field: 'status', type: 'text' },
      ],
    },
    children: {
      name: 'lines',
      field: 'lines',
      maxItems: 100,
      columns: [
        { name: 'sku', field: 'sku', type: 'text', required: true },
        { name: 'quantity', field: 'quantity', type: 'integer', required: true },
        { name: 'unit_price', field: 'unitPrice', type: 'numeric' },
      ],
    },
    checks: ORDER_CHECKS,
    childChecks: ORDER_LINE_CHECKS,
    async prepare({ tables, query, now }) {
      const ids = (await query(`SELECT DISTINCT customer_id FROM ${tables.records}`)).map((r) => r.customer_id as string);
      const { unknown, retired } = known.classify ? await known.classify(ids) : { unknown: await known.unknownAmong(ids), retired: new Map() };
      return [
        { value: unknown, type: 'uuid[]' },
        { value: now, type: 'timestamptz' },
        ...stagedAliasParams(await stagedAliasLines(query, tables.records, retired)),
      ];
    },
    async merge({ tables, query, jobId, sourceSystem, now, params }) {
      // No merge step runs during the batch (the runner shares the customer gate); each retired id resolved again under its merge locks.
      const aliased = await lockedStagedAliases(query, tables.records, retiredByMoveMarkers('transactions'), stagedAliasesFrom(params));
      await repointStagedAliases(query, tables.records, aliased);
      await query(lockBatchProducts(tables));
      const [counts] = await query(insertOrders(tables), [sourceSystem, now]);
      const inserted = Number(counts.inserted);
      await recordStagedAliasWrites(query, { schema: 'transactions', table: 'transactions.customer_order', records: tables.records, idColumn: 'order_id' }, aliased);
      // Every staged order was new: lines and sales come straight from staging, and nothing was re-sent to compare.
      const all = inserted === Number(counts.staged);
      if (inserted > 0) {
        await query(insertLines(tables, all));
        await query(insertSales(tables, all), [now]);
        await query(moveStock(tables, all), [now]);
        if (outboxRecording()) await query(recordOrderEvents(tables, all), [now]);
      }
      if (all) return { inserted, updated: 0, unchanged: 0, conflicts: 0 };
      const [resent] = await query(compareResent(tables), [jobId, sourceSystem]);
      return { inserted, updated: 0, unchanged: Number(resent.unchanged), conflicts: Number(resent.conflicts) };
    },
    afterImport,
  };
}
