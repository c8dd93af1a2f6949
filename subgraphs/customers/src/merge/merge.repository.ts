import type { DataSource, EntityManager } from 'typeorm';
import { closeCustomerGate, CustomerRowMoves, lockCustomers, recordEvent, retryDeadlocked, type CustomerTombstones, type MergeCount } from '@c360/shared';
import { CustomerMergeState, MatchIdentifier } from './merge.enums';

export interface CandidateRow {
  customer_id: string;
  identifier: MatchIdentifier;
  system: string | null;
}

export interface MovedCount extends MergeCount {
  subgraph: string;
}

export interface MergeRow {
  id: string;
  survivorId: string;
  mergedId: string;
  state: CustomerMergeState;
  requestedAt: Date;
  completedAt: Date | null;
  undoUntil: Date;
  unmergedAt: Date | null;
  failure: string | null;
  moved: MovedCount[];
}

/** What the merge retired, kept until an unmerge or the customer's erasure: the profile row, its external ids, aliases re-pointed. */
interface RetiredProfile {
  profile: Record<string, unknown>;
  externalIds: { system: string; external_id: string }[];
  aliases: string[];
}

const MERGE_COLUMNS = `id, survivor_id AS "survivorId", merged_id AS "mergedId", state, requested_at AS "requestedAt", completed_at AS "completedAt",
  undo_until AS "undoUntil", unmerged_at AS "unmergedAt", failure, moved`;

/** E-mail rule: case-folded, sub-address (+tag) removed from the local part. */
const EMAIL_KEY = `regexp_replace(lower(email), '\\+[^@]*@', '@')`;
/** External id rule: per system, both case-folded and trimmed. */
const SYSTEM_KEY = (alias: string) => `lower(btrim(${alias}.system))`;
const EXTERNAL_KEY = (alias: string) => `lower(btrim(${alias}.external_id))`;

/** All SQL for duplicate detection, merge records, aliases and the customers subgraph's own merge step. */
export class MergeRepository {
  private readonly interactions = new CustomerRowMoves('customers', [{ table: 'customers.interaction' }]);

  constructor(private readonly dataSource: DataSource) {}

  /** Every profile sharing a normalised identifier with this one, one row per piece of evidence (one statement). */
  candidates(customerId: string, onlyIds: readonly string[] | undefined): Promise<CandidateRow[]> {
    return this.dataSource.query(
      `WITH me AS (SELECT id, ${EMAIL_KEY} AS email_key, phone FROM customers.customer WHERE id = $1),
            mine AS (SELECT ${SYSTEM_KEY('e')} AS system, ${EXTERNAL_KEY('e')} AS external_id FROM customers.external_identity e WHERE e.customer_id = $1),
            found AS (
              SELECT c.id AS customer_id, '${MatchIdentifier.EMAIL}' AS identifier, NULL::text AS system
                FROM customers.customer c JOIN me ON me.email_key IS NOT NULL AND ${EMAIL_KEY.replace('email', 'c.email')} = me.email_key AND c.id <> me.id
              UNION ALL
              SELECT c.id, '${MatchIdentifier.PHONE}', NULL FROM customers.customer c JOIN me ON me.phone IS NOT NULL AND c.phone = me.phone AND c.id <> me.id
              UNION ALL
              SELECT DISTINCT e.customer_id, '${MatchIdentifier.EXTERNAL_ID}', m.system
                FROM customers.external_identity e JOIN mine m ON ${SYSTEM_KEY('e')} = m.system AND ${EXTERNAL_KEY('e')} = m.external_id
               WHERE e.customer_id <> $1
            )
       SELECT customer_id, identifier, system FROM found
        WHERE $2::uuid[] IS NULL OR customer_id = ANY($2::uuid[])
        ORDER BY customer_id, identifier, system`,
      [customerId, onlyIds ? [...onlyIds] : null],
    );
  }

  /** The survivor each retired id resolves to (absent: not an alias). */
  async survivorsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const rows: { alias_id: string; survivor_id: string }[] = await this.dataSource.query(`SELECT alias_id, survivor_id FROM customers.customer_alias WHERE alias_id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.alias_id, r.survivor_id]));
  }

  /** Retired ids among these, with the survivor and the merge that retired each (one statement). */
  async aliasesAmong(ids: readonly string[]): Promise<Map<string, { survivorId: string; mergeId: string }>> {
    const rows: { alias_id: string; survivor_id: string; merge_id: string }[] = await this.dataSource.query(
      `SELECT alias_id, survivor_id, merge_id FROM customers.customer_alias WHERE alias_id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.alias_id, { survivorId: r.survivor_id, mergeId: r.merge_id }]));
  }

  async find(id: string): Promise<MergeRow | null> {
    const [row]: MergeRow[] = await this.dataSource.query(`SELECT ${MERGE_COLUMNS} FROM customers.customer_merge WHERE id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Opens a RUNNING merge when both profiles exist and neither is in an unfinished merge; answers
   * which argument is missing otherwise. Under both customers' locks, so two merges never interleave.
   */
  open(merge: { id: string; survivorId: string; mergedId: string; requestedBy: string; now: Date; undoUntil: Date }): Promise<'survivorId' | 'mergedId' | 'busy' | null> {
    return this.dataSource.transaction(async (manager) => {
      await lockCustomers(manager, [merge.survivorId, merge.mergedId]);
      const existing: { id: string }[] = await manager.query(`SELECT id FROM customers.customer WHERE id = ANY($1::uuid[])`, [[merge.survivorId, merge.mergedId]]);
      const ids = new Set(existing.map((r) => r.id));
      if (!ids.has(merge.survivorId)) return 'survivorId';
      if (!ids.has(merge.mergedId)) return 'mergedId';
      const busy: unknown[] = await manager.query(
        `SELECT 1 FROM customers.customer_merge WHERE state IN ('RUNNING', 'UNMERGING') AND (survivor_id = ANY($1::uuid[]) OR merged_id = ANY($1::uuid[])) LIMIT 1`,
        [[merge.survivorId, merge.mergedId]],
      );
      if (busy.length > 0) return 'busy';
      await manager.query(
        `INSERT INTO customers.customer_merge (id, survivor_id, merged_id, state, requested_by, requested_at, undo_until) VALUES ($1, $2, $3, 'RUNNING', $4, $5, $6)`,
        [merge.id, merge.survivorId, merge.mergedId, merge.requestedBy, merge.now, merge.undoUntil],
      );
      return null;
    });
  }

  async setState(id: string, state: CustomerMergeState, fields: { failure?: string | null; moved?: MovedCount[]; completedAt?: Date; unmergedAt?: Date } = {}): Promise<void> {
    await this.dataSource.query(
      `UPDATE customers.customer_merge SET state = $2, failure = $3, moved = COALESCE($4::jsonb, moved), completed_at = COALESCE($5, completed_at), unmerged_at = COALESCE($6, unmerged_at) WHERE id = $1`,
      [id, state, fields.failure ?? null, fields.moved ? JSON.stringify(fields.moved) : null, fields.completedAt ?? null, fields.unmergedAt ?? null],
    );
  }

  /**
   * This subgraph's step, in one transaction: interactions and external ids follow the person, the
   * retired profile is kept on the merge record and removed from the customer table, and its id
   * (and any id already aliased to it) resolves to the survivor. Run again whole when chosen as a deadlock's
   * victim (as unmergeLocal): a lost race with a write or an erasure is no failed step.
   */
  mergeLocal(mergeId: string, survivorId: string, mergedId: string, now: Date): Promise<MergeCount[]> {
    return retryDeadlocked(() => this.dataSource.transaction(async (manager) => {
      const interactions = await this.interactions.move(manager, mergeId, survivorId, mergedId);
      const [{ profile }]: { profile: Record<string, unknown> }[] = await manager.query(`SELECT to_jsonb(c) AS profile FROM customers.customer c WHERE id = $1`, [mergedId]);
      const externalIds: { system: string; external_id: string }[] = await manager.query(
        `UPDATE customers.external_identity SET customer_id = $1 WHERE customer_id = $2 RETURNING system, external_id`,
        [survivorId, mergedId],
      ).then((r) => rowsOf<{ system: string; external_id: string }>(r));
      const aliases: { alias_id: string }[] = await manager.query(`UPDATE customers.customer_alias SET survivor_id = $1 WHERE survivor_id = $2 RETURNING alias_id`, [survivorId, mergedId]).then((r) => rowsOf<{ alias_id: string }>(r));
      // Its memberships go with it, counts kept right (the cascade would leave them counted); the survivor's are re-evaluated after.
      await manager.query(
        `WITH gone AS (DELETE FROM customers.segment_member WHERE customer_id = $1 RETURNING segment_id, version)
         UPDATE customers.segment_version v SET member_count = v.member_count - g.n
           FROM (SELECT segment_id, version, count(*)::int AS n FROM gone GROUP BY segment_id, version) g
          WHERE v.segment_id = g.segment_id AND v.version = g.version AND v.member_count IS NOT NULL`,
        [mergedId],
      );
      await manager.query(`DELETE FROM customers.customer WHERE id = $1`, [mergedId]);
      await manager.query(`INSERT INTO customers.customer_alias (alias_id, survivor_id, merge_id) VALUES ($1, $2, $3)`, [mergedId, survivorId, mergeId]);
      const retired: RetiredProfile = { profile, externalIds, aliases: aliases.map((a) => a.alias_id) };
      await manager.query(`UPDATE customers.customer_merge SET retired_profile = $2, completed_at = $3 WHERE id = $1`, [mergeId, JSON.stringify(retired), now]);
      await recordEvent(manager, { type: 'customer.merged', customerId: mergedId, payload: { mergeId, survivorId, mergedId }, occurredAt: now });
      return [...interactions, { table: 'customers.external_identity', rows: externalIds.length }, { table: 'customers.customer', rows: 1 }];
    }));
  }

  /**
   * Undoes this subgraph's step: the retired profile comes back with its external ids and exactly the
   * interactions the merge moved (those recorded on the survivor since stay). Null when the survivor
   * is gone (merged again, or erased): that must be undone first. Idempotent: nothing to restore twice.
   */
  unmergeLocal(merge: MergeRow): Promise<MergeCount[] | null> {
    return retryDeadlocked(() => this.dataSource.transaction(async (manager) => {
      // The gate before any customer lock, as the merge step and interaction imports take them (one order, no deadlock).
      await closeCustomerGate((sql, params) => manager.query(sql, params), 'customers');
      await lockCustomers(manager, [merge.survivorId, merge.mergedId]);
      const [record]: { retired_profile: RetiredProfile | null }[] = await manager.query(`SELECT retired_profile FROM customers.customer_merge WHERE id = $1 FOR UPDATE`, [merge.id]);
      const retired = record?.retired_profile;
      if (!retired) return [];
      const survivor: unknown[] = await manager.query(`SELECT 1 FROM customers.customer WHERE id = $1`, [merge.survivorId]);
      if (survivor.length === 0) return null;
      await manager.query(`INSERT INTO customers.customer SELECT * FROM jsonb_populate_record(NULL::customers.customer, $1::jsonb)`, [JSON.stringify(retired.profile)]);
      const [ids]: { n: number }[] = await manager.query(
        `WITH changed AS (
           UPDATE customers.external_identity e SET customer_id = $2 FROM jsonb_to_recordset($3::jsonb) AS t(system text, external_id text)
            WHERE e.system = t.system AND e.external_id = t.external_id AND e.customer_id = $1 RETURNING 1
         ) SELECT count(*)::int AS n FROM changed`,
        [merge.survivorId, merge.mergedId, JSON.stringify(retired.externalIds)],
      );
      const interactions = await this.interactions.restore(manager, merge.id);
      await manager.query(`DELETE FROM customers.customer_alias WHERE alias_id = $1`, [merge.mergedId]);
      await manager.query(`UPDATE customers.customer_alias SET survivor_id = $1 WHERE alias_id = ANY($2::uuid[]) AND survivor_id = $3`, [merge.mergedId, retired.aliases, merge.survivorId]);
      await manager.query(`UPDATE customers.customer_merge SET retired_profile = NULL WHERE id = $1`, [merge.id]);
      await recordEvent(manager, { type: 'customer.unmerged', customerId: merge.mergedId, payload: { mergeId: merge.id, survivorId: merge.survivorId, mergedId: merge.mergedId } });
      return [...interactions, { table: 'customers.external_identity', rows: ids.n }, { table: 'customers.customer', rows: 1 }];
    }));
  }

  /**
   * Erasure of a merged person covers every id they had: ids aliased to the customer are tombstoned
   * too, and the merge records (which keep a retired profile) go. Inside the erasing transaction.
   */
  async eraseMerged(manager: EntityManager, customerId: string, tombstones: CustomerTombstones, now: Date): Promise<number> {
    const aliases: { alias_id: string }[] = await manager.query(`SELECT alias_id FROM customers.customer_alias WHERE survivor_id = $1`, [customerId]);
    let tombstoned = 0;
    for (const { alias_id } of aliases) tombstoned += await tombstones.record(manager, alias_id, now);
    // One erasure notice per id the person had: a recipient that knew them only under a retired id is told
    // by that id (and no notice links the ids). Kept by the outbox purge, like the customer's own.
    for (const { alias_id } of aliases) await recordEvent(manager, { type: 'customer.erased', customerId: alias_id, payload: { customerId: alias_id }, occurredAt: now });
    // Interactions are only written for an existing profile here, so none can sit under a retired id.
    tombstoned += (await this.interactions.eraseMerged(manager, customerId, tombstones, now)).tombstoned;
    await manager.query(`DELETE FROM customers.customer_alias WHERE survivor_id = $1 OR alias_id = $1`, [customerId]);
    await manager.query(`DELETE FROM customers.customer_merge WHERE survivor_id = $1 OR merged_id = $1 OR merged_id = ANY($2::uuid[])`, [customerId, aliases.map((a) => a.alias_id)]);
    return tombstoned;
  }
}

/** TypeORM answers an UPDATE … RETURNING as [rows, count] on PostgreSQL; plain rows elsewhere. */
function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
