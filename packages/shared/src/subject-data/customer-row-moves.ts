import type { EntityManager } from 'typeorm';
import type { MergeCount } from './subject-data.contract';
import { lockCustomers } from './customer-tombstones';
import type { WritableCustomer } from '../peers/known-customers';
import { closeCustomerGate, insertAliasWriteHops, landWithin, RETIRED_ID_MOVE, retiredByMoveMarkers, type RetiredIds } from './retired-customers';

/** A table whose rows belong to a customer through `customer_id`, keyed by a uuid `id`. */
export interface MovableTable {
  /** Schema-qualified, e.g. `transactions.customer_order`. */
  table: string;
}

/** The DDL of `<schema>.merge_move`: which row a merge moved, from whom, to whom (ids only, no values). */
export const mergeMoveTableSql = (schema: string) => `
  CREATE TABLE ${schema}.merge_move (
    merge_id uuid NOT NULL,
    table_name text NOT NULL,
    row_id uuid NOT NULL,
    from_customer uuid NOT NULL,
    to_customer uuid NOT NULL,
    PRIMARY KEY (merge_id, table_name, row_id)
  )`;

/** A row a feed wrote on the survivor while naming a retired id: an unmerge gives it back to that id. */
export interface AliasWrite {
  mergeId: string;
  rowId: string;
  aliasId: string;
  survivorId: string;
}

/** Where a subgraph notes its alias writes, inside the writing transaction. */
export interface AliasWriteLog {
  recordAliasWrites(manager: EntityManager, table: string, writes: readonly AliasWrite[]): Promise<void>;
  /**
   * First in the writing transaction: where each named id's rows go in this subgraph now, read under
   * the merge locks of the ids and their survivors (see landWithin). `follow` false refuses a retired id NOT_FOUND.
   */
  landWithin(manager: EntityManager, customerIds: readonly string[], follow: boolean): Promise<Map<string, WritableCustomer>>;
}

export const noAliasWrites: AliasWriteLog = {
  recordAliasWrites: async () => undefined,
  landWithin: async (_manager, ids) => new Map(ids.map((id) => [id.toLowerCase(), { customerId: id.toLowerCase(), viaMerge: null }])),
};

/**
 * Re-points a customer's rows for a profile merge and records each moved row, so an unmerge moves
 * back exactly those (and not what was recorded on the survivor since). Each subgraph owns a
 * `<schema>.merge_move` table; this is the one place its SQL is written.
 */
export class CustomerRowMoves {
  private readonly moves: string;
  /** This subgraph's retired ids: the marker each merge step writes. */
  readonly retired: RetiredIds;

  constructor(
    private readonly schema: string,
    private readonly tables: readonly MovableTable[],
  ) {
    this.moves = `${schema}.merge_move`;
    this.retired = retiredByMoveMarkers(schema);
  }

  /**
   * Under both customers' locks (serialised with erasure and with every write naming either id), after
   * running import batches (the customer gate); a merge already applied moves nothing more. Besides the rows,
   * it records the retirement itself (a marker row): from its commit on, a write naming the retired id
   * lands on the survivor here, whatever the customers subgraph or an existence cache says meanwhile.
   */
  async move(manager: EntityManager, mergeId: string, survivorId: string, mergedId: string): Promise<MergeCount[]> {
    await closeCustomerGate((sql, params) => manager.query(sql, params), this.schema);
    await lockCustomers(manager, [survivorId, mergedId]);
    const done: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM ${this.moves} WHERE merge_id = $1`, [mergeId]);
    if (done[0].n > 0) return this.counts(manager, mergeId);
    await manager.query(`INSERT INTO ${this.moves} (merge_id, table_name, row_id, from_customer, to_customer) VALUES ($1, $2, $3, $3, $4)`, [mergeId, RETIRED_ID_MOVE, mergedId, survivorId]);
    for (const { table } of this.tables) {
      await manager.query(
        `WITH moved AS (UPDATE ${table} SET customer_id = $2 WHERE customer_id = $3 RETURNING id)
         INSERT INTO ${this.moves} (merge_id, table_name, row_id, from_customer, to_customer) SELECT $1, $4, id, $3, $2 FROM moved`,
        [mergeId, survivorId, mergedId, table],
      );
    }
    return this.counts(manager, mergeId);
  }

  /**
   * Notes rows written on the survivor through a retired id as moved by the merges that retired it (each
   * merge of a chain): the person named that id, so an unmerge gives the rows back to it (as it does the
   * merged rows).
   */
  async recordAliasWrites(manager: EntityManager, table: string, writes: readonly AliasWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const given = `SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(merge_id uuid, row_id uuid, alias_id uuid, survivor_id uuid)`;
    await manager.query(insertAliasWriteHops(this.retired, this.moves, table, given), [
      JSON.stringify(writes.map((w) => ({ merge_id: w.mergeId, row_id: w.rowId, alias_id: w.aliasId, survivor_id: w.survivorId }))),
    ]);
  }

  landWithin(manager: EntityManager, customerIds: readonly string[], follow: boolean): Promise<Map<string, WritableCustomer>> {
    return landWithin((sql, params) => manager.query(sql, params), this.retired, customerIds, follow);
  }

  /** Every customer this merge's records name, either side (empty once undone). */
  async partiesOf(manager: EntityManager, mergeId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT from_customer AS id FROM ${this.moves} WHERE merge_id = $1 UNION SELECT to_customer FROM ${this.moves} WHERE merge_id = $1`, [mergeId]);
    return rows.map((r) => r.id);
  }

  /** Moves back the rows this merge moved that still belong to the survivor; forgets the merge's record (its marker too). */
  async restore(manager: EntityManager, mergeId: string): Promise<MergeCount[]> {
    await closeCustomerGate((sql, params) => manager.query(sql, params), this.schema);
    const parties: { from_customer: string; to_customer: string }[] = await manager.query(`SELECT DISTINCT from_customer, to_customer FROM ${this.moves} WHERE merge_id = $1`, [mergeId]);
    await lockCustomers(manager, parties.flatMap((p) => [p.from_customer, p.to_customer]));
    const counts: MergeCount[] = [];
    for (const { table } of this.tables) {
      const [moved]: { n: number }[] = await manager.query(
        `WITH changed AS (UPDATE ${table} t SET customer_id = m.from_customer FROM ${this.moves} m
           WHERE m.merge_id = $1 AND m.table_name = $2 AND t.id = m.row_id AND t.customer_id = m.to_customer RETURNING 1)
         SELECT count(*)::int AS n FROM changed`,
        [mergeId, table],
      );
      counts.push({ table, rows: moved.n });
    }
    await manager.query(`DELETE FROM ${this.moves} WHERE merge_id = $1`, [mergeId]);
    return counts;
  }

  /**
   * Erasure of a merged person covers every id they had: the ids merged into this customer are
   * tombstoned too, then the record of those merges goes (it would link de-identified rows back).
   * Answers how many merged ids were tombstoned, and the ids: the caller erases rows still under
   * them too (a feed may have written one there after the merge, within its existence cache).
   */
  async eraseMerged(
    manager: EntityManager,
    customerId: string,
    tombstones: { record(manager: EntityManager, id: string, now: Date): Promise<number> },
    now: Date,
  ): Promise<{ tombstoned: number; mergedIds: string[] }> {
    // First of all: no import batch of this subgraph is between its checks and its commit (the customer gate).
    await closeCustomerGate((sql, params) => manager.query(sql, params), this.schema);
    // Transitively: after b into a and then a into c, erasing c covers a and b (and the b-to-a record goes too).
    const merged: { id: string }[] = await manager.query(
      `WITH RECURSIVE chain AS (
         SELECT $1::uuid AS id
         UNION SELECT m.from_customer FROM ${this.moves} m JOIN chain c ON m.to_customer = c.id
       ) SELECT id FROM chain WHERE id <> $1::uuid`,
      [customerId],
    );
    const everyId = [customerId, ...merged.map((m) => m.id)];
    // Every id's lock at once, in the one sorted order, before the first tombstone: a tombstone takes its
    // id's lock, and taking them one by one (the customer's, then each merged id's) deadlocked with a
    // writer or another subgraph's erasure holding the same ids' locks in sorted order.
    await lockCustomers(manager, everyId);
    let tombstoned = 0;
    for (const { id } of merged) tombstoned += await tombstones.record(manager, id, now);
    await manager.query(`DELETE FROM ${this.moves} WHERE from_customer = ANY($1::uuid[]) OR to_customer = ANY($1::uuid[])`, [everyId]);
    return { tombstoned, mergedIds: merged.map((m) => m.id) };
  }

  private async counts(manager: EntityManager, mergeId: string): Promise<MergeCount[]> {
    const rows: { table_name: string; n: number }[] = await manager.query(`SELECT table_name, count(*)::int AS n FROM ${this.moves} WHERE merge_id = $1 GROUP BY table_name`, [mergeId]);
    const byTable = new Map(rows.map((r) => [r.table_name, r.n]));
    return this.tables.map(({ table }) => ({ table, rows: byTable.get(table) ?? 0 }));
  }
}
