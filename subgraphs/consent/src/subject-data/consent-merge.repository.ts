import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerTombstones, lockCustomers, type MergeCount } from '@c360/shared';
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
 */
export class ConsentMergeRepository {
  private readonly tombstones: CustomerTombstones;

  constructor(private readonly dataSource: DataSource) {
    this.tombstones = new CustomerTombstones(dataSource, 'consent');
  }

  merge(mergeId: string, survivorId: string, mergedId: string, now: Date): Promise<MergeCount[]> {
    return this.dataSource.transaction(async (manager) => {
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
    });
  }

  /** The alias goes; each grant the merge withdrew is granted again if it is still the latest word on it. */
  unmerge(mergeId: string, now: Date): Promise<MergeCount[]> {
    return this.dataSource.transaction(async (manager) => {
      await new LedgerRepository(this.dataSource).lockLedger(manager);
      const [unaliased]: { n: number }[] = await manager.query(`WITH gone AS (DELETE FROM consent.customer_alias WHERE merge_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [mergeId]);
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
      return [{ table: 'consent.customer_alias', rows: unaliased.n }, { table: 'consent.consent_event', rows: rows.length }];
    });
  }

  /**
   * Erasure: the ids merged into the customer are tombstoned too (their grants were all ended by the
   * merge), and the merge records linking them go. Answers how many ids were tombstoned.
   */
  eraseMerged(customerId: string, now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const owned: { member: string }[] = await manager.query(`${ALIASES_OF} SELECT member FROM owned`, [[customerId]]);
      const merged = owned.map((o) => o.member).filter((id) => id !== customerId);
      await manager.query(`DELETE FROM consent.merge_consent_event WHERE customer_id = ANY($1::uuid[])`, [[customerId, ...merged]]);
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
