import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CustomerTombstones } from '@c360/shared';
import { appendChainedEvents } from '../ledger/chained-batch';
import { LedgerRepository } from '../ledger/ledger.repository';
import { ALIASES_OF } from './consent-merge.repository';
import { ConsentChannel, ConsentStatus } from '../consent/consent.enums';

/** All SQL for what the consent ledgers hold on a customer (both ledgers are append-only). */
export class ConsentSubjectDataRepository {
  private readonly tombstones: CustomerTombstones;

  constructor(private readonly dataSource: DataSource) {
    this.tombstones = new CustomerTombstones(dataSource, 'consent');
  }

  /** With the history of every id merged into the customer (it stays on the id it was recorded for). */
  consentHistory(customerId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT id, purpose_code AS "purposeCode", partner_id AS "partnerId", status, notice_version AS "noticeVersion", channel,
              client_id AS "clientId", recorded_at AS "recordedAt", hash
       FROM consent.consent_event WHERE customer_id IN (${ALIASES_OF} SELECT member FROM owned) ORDER BY seq`,
      [[customerId]],
    );
  }

  disclosures(customerId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT id, disclosed_at AS "disclosedAt", partner_id AS "partnerId", client_id AS "clientId", caller_kind AS "callerKind",
              purpose_code AS "purposeCode", categories, consent_event_ids AS "consentEventIds", subgraph
       FROM consent.disclosure WHERE customer_id IN (${ALIASES_OF} SELECT member FROM owned) ORDER BY seq`,
      [[customerId]],
    );
  }

  /**
   * Ends every consent still in force (latest event GRANTED) by appending a WITHDRAWN event to
   * the customer's hash chain; answers how many. Running it again appends nothing.
   * The ledger lock the append takes is taken first, before reading what is in force: a grant
   * appended between the read and the append would otherwise stay in force, never withdrawn.
   * The tombstone is recorded in the same transaction: every later append for the customer is refused.
   */
  withdrawConsentsInForce(customerId: string, clientId: string, now: Date): Promise<{ withdrawn: number; tombstoned: number }> {
    return this.dataSource.transaction(async (manager) => {
      await new LedgerRepository(this.dataSource).lockLedger(manager);
      const tombstoned = await this.tombstones.record(manager, customerId, now);
      const inForce: { purpose_code: string; partner_id: string | null }[] = await manager.query(
        `SELECT purpose_code, partner_id FROM (
           SELECT DISTINCT ON (purpose_code, partner_id) purpose_code, partner_id, status
           FROM consent.consent_event WHERE customer_id = $1 ORDER BY purpose_code, partner_id, seq DESC
         ) latest WHERE status = $2`,
        [customerId, ConsentStatus.GRANTED],
      );
      await appendChainedEvents(
        manager,
        inForce.map((grant) => ({
          id: randomUUID(),
          customer_id: customerId,
          purpose_code: grant.purpose_code,
          partner_id: grant.partner_id,
          status: ConsentStatus.WITHDRAWN,
          notice_version: null,
          channel: ConsentChannel.API,
          client_id: clientId,
          recorded_at: now.toISOString(),
        })),
      );
      return { withdrawn: inForce.length, tombstoned };
    });
  }

  async counts(customerId: string): Promise<{ events: number; disclosures: number }> {
    const [row]: { events: number; disclosures: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM consent.consent_event WHERE customer_id = $1)::int AS events,
              (SELECT count(*) FROM consent.disclosure WHERE customer_id = $1)::int AS disclosures`,
      [customerId],
    );
    return row;
  }
}
