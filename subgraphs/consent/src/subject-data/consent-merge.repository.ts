import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerTombstones, lockCustomers, retryDeadlocked, type MergeCount } from '@c360/shared';
import { appendChainedEvents, type ConsentEventRow } from '../ledger/chained-batch';
import { LedgerRepository } from '../ledger/ledger.repository';
import { ConsentChannel, ConsentStatus } from '../consent/consent.enums';

interface LatestState {
  customer_id: string;
  purpose_code: string;
  partner_id: string | null;
  status: string;
}

interface MergeEventRow {
  event_id: string;
  customer_id: string;
  purpose_code: string;
  partner_id: string | null;
  prior_status: string;
}

const keyOf = (s: { purpose_code: string; partner_id: string | null }) => `${s.purpose_code}\u0000${s.partner_id ?? ''}`;
export const mergeClientId = (mergeId: string) => `customers:merge/${mergeId}`;

/** Every id that is (transitively) an alias of one of `$1`, with the survivor it belongs to: SQL to splice into a query. */
export const ALIASES_OF = `WITH RECURSIVE owned AS (
    SELECT id AS owner, id AS member FROM unnest($1::uuid[]) AS id
    UNION SELECT o.owner, a.alias_id FROM owned o JOIN consent.customer_alias a ON a.survivor_id = o.member
  )`;

/**
 * The consent side of a profile merge. Both ledgers are append-only: consent events and disclosures
 * stay on the id they were recorded for (each chain is hashed with its id), and the retired id is
 * read as part of the survivor through an alias. Consent becomes the
 * most restrictive of the two profiles per purpose and partner: a grant on the survivor the merged
 * profile did not also give is withdrawn, and every grant of the retired id is withdrawn, each by a
 * MERGE event naming the merge. An unmerge re-grants exactly those, unless something was recorded since.
 * Each step runs again whole when chosen as a deadlock's victim: a lost race is no failed step.
 */
export class ConsentMergeRepository {
  private readonly tombstones: CustomerTombstones;

  constructor(private readonly dataSource: DataSource) {
    this.tombstones = new CustomerTombstones(dataSource, 'consent');
  }

  merge(mergeId: string, survivorId: string, mergedId: string, now: Date): Promise<MergeCount[]> {
    return retryDeadlocked(() => this.dataSource.transaction(async (manager) => {
      await new LedgerRepository(this.dataSource).lockLedger(manager);
      await lockCustomers(manager, [survivorId, mergedId]);
      const aliased: unknown[] = await manager.query(`INSERT INTO consent.customer_alias (alias_id, survivor_id, merge_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [mergedId, survivorId, mergeId]);
      if (rowCount(aliased) === 0) return [{ table: 'consent.customer_alias', rows: 1 }];
      const latest = await this.latest(manager, [survivorId, mergedId]);
      const mergedGrants = new Set(latest.filter((s) => s.customer_id === mergedId && s.status === ConsentStatus.GRANTED).map(keyOf));
      const ends = latest.filter((s) => s.status === ConsentStatus.GRANTED && (s.customer_id === mergedId || !mergedGrants.has(keyOf(s))));
      const rows: ConsentEventRow[] = ends.map((s) => ({
        id: randomUUID(),
        customer_id: s.customer_id,
        purpose_code: s.purpose_code,
        partner_id: s.partner_id,
        status: ConsentStatus.WITHDRAWN,
        notice_version: null,
        channel: ConsentChannel.MERGE,
        client_id: mergeClientId(mergeId),
        recorded_at: now.toISOString(),
      }));
      await appendChainedEvents(manager, rows);
      await this.remember(manager, mergeId, rows);
      return [{ table: 'consent.customer_alias', rows: 1 }, { table: 'consent.consent_event', rows: rows.length }];
    }));
  }

  /** The alias goes; each grant the merge withdrew is granted again if it is still the latest word on it. */
  unmerge(mergeId: string, now: Date): Promise<MergeCount[]> {
    return retryDeadlocked(() => this.dataSource.transaction(async (manager) => {
      await new LedgerRepository(this.dataSource).lockLedger(manager);
      const [unaliased]: { n: number }[] = await manager.query(`WITH gone AS (DELETE FROM consent.customer_alias WHERE merge_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [mergeId]);
      const givenBack = await this.giveBackAliasWords(manager, mergeId, now);
      const ended: MergeEventRow[] = await manager.query(`SELECT event_id, customer_id, purpose_code, partner_id, prior_status FROM consent.merge_consent_event WHERE merge_id = $1`, [mergeId]);
      await lockCustomers(manager, ended.map((e) => e.customer_id));
      const stillLatest: { id: string }[] = await manager.query(
        `SELECT latest.id FROM (
           SELECT DISTINCT ON (customer_id, purpose_code, partner_id) id, customer_id, purpose_code, partner_id
           FROM consent.consent_event WHERE customer_id = ANY($1::uuid[]) ORDER BY customer_id, purpose_code, partner_id, seq DESC
         ) latest WHERE latest.id = ANY($2::uuid[])`,
        [[...new Set(ended.map((e) => e.customer_id))], ended.map((e) => e.event_id)],
      );
      const restorable = new Set(stillLatest.map((r) => r.id));
      const rows: ConsentEventRow[] = ended
        .filter((e) => restorable.has(e.event_id))
        .map((e) => ({
          id: randomUUID(),
          customer_id: e.customer_id,
          purpose_code: e.purpose_code,
          partner_id: e.partner_id,
          status: e.prior_status,
          notice_version: null,
          channel: ConsentChannel.MERGE,
          client_id: mergeClientId(mergeId),
          recorded_at: now.toISOString(),
        }));
      await appendChainedEvents(manager, rows);
      await manager.query(`DELETE FROM consent.merge_consent_event WHERE merge_id = $1`, [mergeId]);
      return [{ table: 'consent.customer_alias', rows: unaliased.n }, { table: 'consent.consent_event', rows: rows.length + givenBack }];
    }));
  }

  /**
   * Words said through the retired id during the merge were appended to the survivor. On unmerge the
   * restored id gets its last word per purpose and partner back (a MERGE event), and a grant still in
   * force on the survivor only because of it is withdrawn there: a grant under the other id does not
   * extend to the survivor's data once they are two profiles again (re-grant to restore it).
   */
  private async giveBackAliasWords(manager: EntityManager, mergeId: string, now: Date): Promise<number> {
    const said: (MergeEventRow & { alias_id: string; status: string; latest_on_survivor: boolean })[] = await manager.query(
      `SELECT DISTINCT ON (a.alias_id, e.purpose_code, e.partner_id) e.id AS event_id, a.alias_id, e.customer_id, e.purpose_code, e.partner_id, e.status,
              NOT EXISTS (SELECT 1 FROM consent.consent_event later WHERE later.customer_id = e.customer_id AND later.purpose_code = e.purpose_code
                            AND later.partner_id IS NOT DISTINCT FROM e.partner_id AND later.seq > e.seq) AS latest_on_survivor
         FROM consent.merge_alias_event a JOIN consent.consent_event e ON e.id = a.event_id
        WHERE a.merge_id = $1 ORDER BY a.alias_id, e.purpose_code, e.partner_id, e.seq DESC`,
      [mergeId],
    );
    await lockCustomers(manager, said.flatMap((s) => [s.alias_id, s.customer_id]));
    const event = (customerId: string, s: { purpose_code: string; partner_id: string | null }, status: string): ConsentEventRow => ({
      id: randomUUID(),
      customer_id: customerId,
      purpose_code: s.purpose_code,
      partner_id: s.partner_id,
      status,
      notice_version: null,
      channel: ConsentChannel.MERGE,
      client_id: mergeClientId(mergeId),
      recorded_at: now.toISOString(),
    });
    const rows = [
      ...said.map((s) => event(s.alias_id, s, s.status)),
      ...said.filter((s) => s.latest_on_survivor && s.status === ConsentStatus.GRANTED).map((s) => event(s.customer_id, s, ConsentStatus.WITHDRAWN)),
    ];
    await appendChainedEvents(manager, rows);
    await manager.query(`DELETE FROM consent.merge_alias_event WHERE merge_id = $1`, [mergeId]);
    return rows.length;
  }

  /**
   * Erasure: the ids merged into the customer are tombstoned too (their grants were all ended by the
   * merge), and the merge records linking them go. Answers how many ids were tombstoned.
   */
  eraseMerged(customerId: string, now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const owned: { member: string }[] = await manager.query(`${ALIASES_OF} SELECT member FROM owned`, [[customerId]]);
      const merged = owned.map((o) => o.member).filter((id) => id !== customerId);
      // Every id's lock first, in the one sorted order, before any row is touched: taking the merged ids'
      // locks one by one after the deletes deadlocked with the erasure of the customer's own data.
      await lockCustomers(manager, [customerId, ...merged]);
      await manager.query(`DELETE FROM consent.merge_consent_event WHERE customer_id = ANY($1::uuid[])`, [[customerId, ...merged]]);
      await manager.query(`DELETE FROM consent.merge_alias_event WHERE survivor_id = ANY($1::uuid[]) OR alias_id = ANY($1::uuid[])`, [[customerId, ...merged]]);
      await manager.query(`DELETE FROM consent.customer_alias WHERE alias_id = ANY($1::uuid[]) OR survivor_id = $2`, [merged, customerId]);
      let tombstoned = 0;
      for (const id of merged) tombstoned += await this.tombstones.record(manager, id, now);
      return tombstoned;
    });
  }

  /** Reads a chain of merges back to the survivor's own disclosures and history too. */
  private latest(manager: EntityManager, customerIds: string[]): Promise<LatestState[]> {
    return manager.query(
      `SELECT DISTINCT ON (customer_id, purpose_code, partner_id) customer_id, purpose_code, partner_id, status
       FROM consent.consent_event WHERE customer_id = ANY($1::uuid[]) ORDER BY customer_id, purpose_code, partner_id, seq DESC`,
      [customerIds],
    );
  }

  private async remember(manager: EntityManager, mergeId: string, rows: ConsentEventRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO consent.merge_consent_event (merge_id, event_id, customer_id, purpose_code, partner_id, prior_status)
       SELECT $1, t.id, t.customer_id, t.purpose_code, t.partner_id, $2 FROM jsonb_to_recordset($3::jsonb) AS t(id uuid, customer_id uuid, purpose_code text, partner_id text)`,
      [mergeId, ConsentStatus.GRANTED, JSON.stringify(rows)],
    );
  }
}

/** INSERT … RETURNING answers plain rows on PGlite and [rows, count] on PostgreSQL. */
const rowCount = (result: unknown[]): number => (Array.isArray(result[0]) ? (result[0] as unknown[]).length : result.length);
