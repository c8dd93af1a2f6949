import { lockedStagedAliases, recordStagedAliasWrites, repointStagedAliases, retiredByAliasTable, type ImportKind } from '@c360/shared';
import { INTERACTION_PARAMS as P, interactionBatchFacts } from './interaction-import.rules';
import { compareResent, insertNewInteractions, INTERACTION_CHECKS, lockBatchCustomers } from './interaction-import.sql';

/** This subgraph's record of retired ids (a merge's last step writes it). */
const RETIRED = retiredByAliasTable('customers.customer_alias');

/**
 * Told once after an import which customers got new interactions (their memberships follow set-wise),
 * or null when that is not known here (a job resumed in another process): then every segment is refreshed.
 */
export type InteractionsImported = (customerIds: readonly string[] | null) => Promise<void>;

/**
 * Interactions keyed by source system + external id. An NDJSON row is
 * `{"externalId","customerId","channel","kind","type","occurredAt","attributes"?}` (attributes a JSON
 * object); a CSV row has the same columns with attributes as the object's JSON text. A retired (merged)
 * customer id lands on its survivor, noted so that an unmerge gives the interaction back, as recordInteraction does.
 */
export function interactionImportKind(imported: InteractionsImported): ImportKind {
  // Per running job: the customers its committed batches wrote for, and how many rows (to tell a resumed job).
  const written = new Map<string, { customers: Set<string>; inserted: number }>();
  return {
    name: 'interactions',
    schema: 'customers',
    aboutCustomers: true,
    scope: 'customers:write',
    records: {
      name: 'interactions',
      columns: [
        { name: 'interaction_id', field: '(id)', type: 'uuid', generated: 'uuid' },
        { name: 'external_id', field: 'externalId', type: 'text', required: true },
        { name: 'customer_id', field: 'customerId', type: 'uuid', required: true },
        { name: 'channel', field: 'channel', type: 'text', required: true },
        { name: 'kind', field: 'kind', type: 'text', required: true },
        { name: 'type', field: 'type', type: 'text', required: true },
        // Required, unlike recordInteraction's default of now: a replayed row must mean the same moment.
        { name: 'occurred_at', field: 'occurredAt', type: 'timestamptz', required: true },
        { name: 'attributes', field: 'attributes', type: 'jsonb' },
      ],
    },
    checks: INTERACTION_CHECKS,
    prepare: ({ tables, query, now }) => interactionBatchFacts(query, tables.records, now),
    async merge({ tables, query, jobId, sourceSystem, params }) {
      const attributes = [params[P.parsedLines - 3].value, params[P.parsedAttributes - 3].value];
      // No merge step runs during the batch (the runner shares the customer gate); each retired id resolved under its merge locks.
      const aliased = await lockedStagedAliases(query, tables.records, RETIRED);
      await repointStagedAliases(query, tables.records, aliased);
      await query(lockBatchCustomers(tables));
      const [inserted] = await query(insertNewInteractions(tables), [sourceSystem, ...attributes]);
      await recordStagedAliasWrites(query, { schema: 'customers', table: 'customers.interaction', records: tables.records, idColumn: 'interaction_id' }, aliased);
      const job = written.get(jobId) ?? { customers: new Set<string>(), inserted: 0 };
      for (const id of inserted.customer_ids as string[]) job.customers.add(id);
      job.inserted += Number(inserted.inserted);
      written.set(jobId, job);
      // Every staged interaction was new: nothing was re-sent, so there is nothing to compare.
      if (Number(inserted.inserted) === Number(inserted.staged)) return { inserted: Number(inserted.inserted), updated: 0, unchanged: 0, conflicts: 0 };
      const [resent] = await query(compareResent(tables), [jobId, sourceSystem, ...attributes]);
      return { inserted: Number(inserted.inserted), updated: 0, unchanged: Number(resent.unchanged), conflicts: Number(resent.conflicts) };
    },
    async afterImport({ jobId, inserted }) {
      const job = written.get(jobId);
      written.delete(jobId);
      await imported(job && job.inserted >= inserted ? [...job.customers] : null);
    },
  };
}
