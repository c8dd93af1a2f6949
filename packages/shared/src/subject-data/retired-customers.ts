import { unknownCustomer, type WritableCustomer } from '../peers/known-customers';
import { customerLock, customerLockOrder } from './customer-tombstones';
import type { RetiredCustomer } from '../import/staged-aliases';

/** Runs one statement in the writing transaction: an EntityManager's `query` or an import batch's. */
export type LockQuery = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * SQL answering (alias_id, survivor_id, merge_id) for every id this subgraph has retired by a merge
 * step: its own record of the merge, written and removed under the merge parties' locks. Each hop is
 * one merge; a chain (b into a, then a into c) is followed to its end.
 */
export type RetiredIds = string;

/** The customers and consent subgraphs keep `<schema>.customer_alias` (alias_id, survivor_id, merge_id). */
export const retiredByAliasTable = (table: string): RetiredIds => `SELECT alias_id, survivor_id, merge_id FROM ${table}`;

/** In `<schema>.merge_move`, the marker a merge step writes for the id it retires (see CustomerRowMoves.move). */
export const RETIRED_ID_MOVE = '(retired id)';

/** Subgraphs whose merge step is CustomerRowMoves: the retirement marker of each merge. */
export const retiredByMoveMarkers = (schema: string): RetiredIds =>
  `SELECT row_id AS alias_id, to_customer AS survivor_id, merge_id FROM ${schema}.merge_move WHERE table_name = '${RETIRED_ID_MOVE}'`;

/** Bounds a chain walk: a chain of merges is short, and a cycle (never written) must not loop. */
const MAX_HOPS = 16;

/** Where each retired id among `ids` lands now: the end of its chain, with the merge that retired it (its first hop). */
export async function retiredAmong(query: LockQuery, retired: RetiredIds, ids: readonly string[]): Promise<Map<string, RetiredCustomer>> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await query(
    `WITH RECURSIVE r AS NOT MATERIALIZED (${retired}), hop AS (
       SELECT r.alias_id AS named, r.survivor_id, r.merge_id, 1 AS depth FROM r WHERE r.alias_id = ANY($1::uuid[])
       UNION ALL
       SELECT hop.named, r.survivor_id, hop.merge_id, hop.depth + 1 FROM hop JOIN r ON r.alias_id = hop.survivor_id WHERE hop.depth < ${MAX_HOPS}
     )
     SELECT DISTINCT ON (named) named::text AS named, survivor_id::text AS survivor_id, merge_id::text AS merge_id FROM hop ORDER BY named, depth DESC`,
    [wanted],
  );
  return new Map(rows.map((r) => [String(r.named), { survivorId: String(r.survivor_id), mergeId: String(r.merge_id) }]));
}

/**
 * The INSERT that notes alias writes in `moves` (`<schema>.merge_move`): one row per merge of the chain
 * from the id the write named to where it landed. After b into a and then a into c, a write naming b is
 * noted under both merges (b to a, a to c), so undoing the later merge gives the row back to a and undoing
 * the earlier one then to b; noted under the first merge alone, undoing a into c left it on c, another
 * person. `writes` answers (merge_id, row_id, alias_id, survivor_id); a write whose chain this subgraph
 * has no record of (a merge older than the markers) is noted as given.
 */
export const insertAliasWriteHops = (retired: RetiredIds, moves: string, table: string, writes: string) => `
  WITH RECURSIVE r AS (${retired}), w AS (${writes}), hop AS (
    SELECT w.row_id, r.merge_id, r.alias_id AS from_customer, r.survivor_id AS to_customer, w.survivor_id AS end_id, 1 AS depth
      FROM w JOIN r ON r.alias_id = w.alias_id
    UNION ALL
    SELECT hop.row_id, r.merge_id, r.alias_id, r.survivor_id, hop.end_id, hop.depth + 1
      FROM hop JOIN r ON r.alias_id = hop.to_customer
     WHERE hop.to_customer <> hop.end_id AND hop.depth < ${MAX_HOPS}
  ), reached AS (SELECT DISTINCT row_id FROM hop WHERE to_customer = end_id)
  INSERT INTO ${moves} (merge_id, table_name, row_id, from_customer, to_customer)
  SELECT hop.merge_id, '${table}', hop.row_id, hop.from_customer, hop.to_customer FROM hop JOIN reached USING (row_id)
  UNION ALL
  SELECT w.merge_id, '${table}', w.row_id, w.alias_id, w.survivor_id FROM w WHERE w.row_id NOT IN (SELECT row_id FROM reached)
  ON CONFLICT DO NOTHING`;

/** The merge locks of these ids: lockCustomers' locks, in its order, through any transaction's `query`. */
export async function lockMergeParties(query: LockQuery, ids: readonly string[]): Promise<void> {
  const sorted = customerLockOrder(ids);
  if (sorted.length === 0) return;
  // One statement, row by row in id order (ORDER BY before the lock calls).
  await query(`SELECT ${customerLock('ids.id')} FROM (SELECT u.id FROM unnest($1::text[]) WITH ORDINALITY AS u(id, n) ORDER BY u.n) ids`, [sorted]);
}

/**
 * The retired ids among `ids`, resolved under the merge locks of every id concerned: read, lock each
 * named id and each survivor in one sorted order (the keys a merge or unmerge step takes), read again.
 * A merge or unmerge of them then either committed before (seen here) or waits for this transaction
 * (and moves, or gives back, what it writes). A survivor that changed in between is locked too.
 */
export async function lockRetired(query: LockQuery, retired: RetiredIds, ids: readonly string[], hinted: Iterable<string> = []): Promise<Map<string, RetiredCustomer>> {
  const named = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (named.length === 0) return new Map();
  const locked = new Set<string>();
  let seen = await retiredAmong(query, retired, named);
  let wanted = [...named, ...[...hinted].map((id) => id.toLowerCase()), ...[...seen.values()].map((r) => r.survivorId)];
  for (let round = 0; round < 3; round++) {
    const fresh = wanted.filter((id) => !locked.has(id));
    if (fresh.length === 0) return seen;
    await lockMergeParties(query, fresh);
    for (const id of fresh) locked.add(id);
    seen = await retiredAmong(query, retired, named);
    wanted = [...seen.values()].map((r) => r.survivorId);
  }
  return seen;
}

/**
 * A single write's landing, first in its transaction: each named id where it lives now (itself, or
 * its survivor with the merge). `follow` false (callers who must not learn of an alias: the customer
 * themself, partners) refuses a retired id NOT_FOUND, as the existence check does.
 */
export async function landWithin(query: LockQuery, retired: RetiredIds, ids: readonly string[], follow: boolean, field = 'customerId'): Promise<Map<string, WritableCustomer>> {
  const found = await lockRetired(query, retired, ids);
  if (!follow && found.size > 0) throw unknownCustomer(field);
  return new Map(ids.map((id) => {
    const key = id.toLowerCase();
    const hop = found.get(key);
    return [key, hop ? { customerId: hop.survivorId, viaMerge: hop.mergeId } : { customerId: key, viaMerge: null }];
  }));
}

/**
 * Key of the customer gate of a subgraph: a step that changes whose rows are whose -- merge, unmerge,
 * erasure -- holds it exclusively, before any customer lock; every import batch shares it from the start of
 * its transaction, before its checks. A batch names up to tens of thousands of customers (too many advisory
 * locks), so this one lock keeps such a step from acting between a batch's checks (a live id, no
 * tombstone) and its commit: the step either committed before the batch's checks read, or waits for the
 * batch and then moves, gives back or erases what it wrote.
 */
const GATE_CLASS = 'c360-customer-gate';

/**
 * Taken first by an import batch's transaction (ImportRunner): merge, unmerge and erasure steps of this subgraph
 * wait for it. Two-key advisory locks: a space apart from the customers' one-key locks, so no customer id can
 * hash onto the gate.
 */
export const shareCustomerGate = (query: LockQuery, schema: string) => query(`SELECT pg_advisory_xact_lock_shared(hashtext($1), hashtext($2))`, [GATE_CLASS, schema]);

/** Taken first by a merge, unmerge or erasure step (before any customer lock): waits for running import batches. */
export const closeCustomerGate = (query: LockQuery, schema: string) => query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [GATE_CLASS, schema]);
