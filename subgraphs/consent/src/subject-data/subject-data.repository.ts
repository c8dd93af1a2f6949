import type { DataSource } from 'typeorm';

/** All SQL for what the consent ledgers hold on a customer (read only: both ledgers are append-only). */
export class ConsentSubjectDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  consentHistory(customerId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT id, purpose_code AS "purposeCode", partner_id AS "partnerId", status, notice_version AS "noticeVersion", channel,
              client_id AS "clientId", recorded_at AS "recordedAt", hash
       FROM consent.consent_event WHERE customer_id = $1 ORDER BY seq`,
      [customerId],
    );
  }

  disclosures(customerId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT id, disclosed_at AS "disclosedAt", partner_id AS "partnerId", client_id AS "clientId", caller_kind AS "callerKind",
              purpose_code AS "purposeCode", categories, consent_event_ids AS "consentEventIds", subgraph
       FROM consent.disclosure WHERE customer_id = $1 ORDER BY seq`,
      [customerId],
    );
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
