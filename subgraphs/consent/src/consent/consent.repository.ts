import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CustomerTombstones, landWithin, retiredByAliasTable, retryDeadlocked, subjectErased, type ChildPageRows } from '@c360/shared';
import { consentEventHash } from '../ledger/ledger-hash';
import type { LedgerRepository } from '../ledger/ledger.repository';
import type { ConsentEventEntity } from './consent-event.entity';
import { CONSENT_EVENT_COLUMNS, toConsentEvent } from './consent-event.row';
import { consentEventOf } from './consent.events';
import { recordEvent } from '@c360/shared';

export type NewConsentEvent = Omit<ConsentEventEntity, 'id' | 'seq' | 'prevHash' | 'hash'>;

/** This subgraph's record of retired ids (its merge step writes it under the ledger lock). */
const RETIRED = retiredByAliasTable('consent.customer_alias');

const COLUMNS = CONSENT_EVENT_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ');
const toEntity = toConsentEvent;

/** All SQL for the consent ledger. Only ever INSERTs: the table refuses changes. */
export class ConsentRepository {
  private readonly tombstones: CustomerTombstones;

  constructor(
    private readonly dataSource: DataSource,
    private readonly chain: LedgerRepository,
  ) {
    this.tombstones = new CustomerTombstones(dataSource, 'consent');
  }

  /** The latest event per (customer, purpose, partner), for every customer in one statement. */
  async currentStates(customerIds: readonly string[]): Promise<ConsentEventEntity[]> {
    const raw: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT DISTINCT ON (e.customer_id, e.purpose_code, e.partner_id) ${COLUMNS}
       FROM consent.consent_event e
       WHERE e.customer_id = ANY($1::uuid[])
       ORDER BY e.customer_id, e.purpose_code, e.partner_id, e.seq DESC`,
      [customerIds],
    );
    return raw.map(toEntity);
  }

  /** Newest first (ledger order); one statement for every customer in the batch. */
  async histories(customerIds: string[], size: number, afterSeq: number | undefined): Promise<ChildPageRows<ConsentEventEntity>> {
    const raw: Record<string, unknown>[] = await this.dataSource.query(
      `WITH page AS (
         SELECT ${COLUMNS}, row_number() OVER (PARTITION BY e.customer_id ORDER BY e.seq DESC) AS rn
         FROM consent.consent_event e
         WHERE e.customer_id = ANY($1::uuid[]) AND ($3::bigint IS NULL OR e.seq < $3::bigint)
       ), totals AS (
         SELECT customer_id, count(*)::int AS total FROM consent.consent_event WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id
       )
       SELECT page.*, totals.total FROM page JOIN totals USING (customer_id)
       WHERE page.rn <= $2
       ORDER BY page.customer_id, page.rn`,
      [customerIds, size + 1, afterSeq ?? null],
    );
    const totals = new Map<string, number>();
    const rows = raw.map((r) => {
      totals.set(r.customer_id as string, r.total as number);
      return toEntity(r);
    });
    return { rows, totals };
  }

  /**
   * Links the event into the customer's hash chain in the same transaction that inserts it. The id
   * named is resolved here, under the ledger lock a merge step holds whole: a retired id (even one an
   * existence cache still calls live) lands on its survivor when `followAliases` (noted so an unmerge
   * gives the word back to that id), and is NOT_FOUND otherwise (no alias oracle).
   */
  append(named: NewConsentEvent, followAliases: boolean): Promise<ConsentEventEntity> {
    return retryDeadlocked(() => this.dataSource.transaction(async (manager) => {
      await this.chain.shareLedger(manager);
      const retired = await landWithin((sql, params) => manager.query(sql, params), RETIRED, [named.customerId], followAliases);
      const landing = retired.get(named.customerId.toLowerCase());
      const viaAlias = landing?.viaMerge ? { aliasId: named.customerId, mergeId: landing.viaMerge } : undefined;
      const event = { ...named, customerId: landing?.customerId ?? named.customerId };
      const { seq, prevHash } = await this.chain.nextLink(manager, event.customerId);
      // Under the ledger lock an erasure also takes: either it committed (refused here) or it withdraws what this appends.
      if ((await this.tombstones.erasedAmongWithin(manager, [event.customerId])).length > 0) throw subjectErased('customerId');
      const id = randomUUID();
      const hash = consentEventHash({ ...event, id, seq }, prevHash);
      const [row]: Record<string, unknown>[] = await manager.query(
        `INSERT INTO consent.consent_event AS e (id, seq, customer_id, purpose_code, partner_id, status, notice_version, channel, client_id, recorded_at, prev_hash, hash)
         OVERRIDING SYSTEM VALUE
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         RETURNING ${COLUMNS}`,
        [id, seq, event.customerId, event.purposeCode, event.partnerId, event.status, event.noticeVersion, event.channel, event.clientId, event.recordedAt, prevHash, hash],
      );
      if (viaAlias) {
        await manager.query(`INSERT INTO consent.merge_alias_event (merge_id, event_id, alias_id, survivor_id) VALUES ($1, $2, $3, $4)`, [viaAlias.mergeId, id, viaAlias.aliasId, event.customerId]);
      }
      await recordEvent(manager, consentEventOf(toEntity(row)));
      return toEntity(row);
    }));
  }
}
