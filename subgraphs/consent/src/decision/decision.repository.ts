import type { DataSource } from 'typeorm';

export interface PurposeRule {
  code: string;
  legalBasis: 'CONTRACT' | 'LEGITIMATE_INTEREST' | 'CONSENT';
  requiredNoticeVersion: number | null;
}

export interface LatestConsent {
  eventId: string;
  customerId: string;
  status: 'GRANTED' | 'DENIED' | 'WITHDRAWN';
  noticeVersion: number | null;
}

/** The reads consent decisions need: always the ledger as it is now (no caching). */
export class DecisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async purpose(code: string): Promise<PurposeRule | null> {
    const [row] = await this.dataSource.query(`SELECT code, legal_basis AS "legalBasis", required_notice_version AS "requiredNoticeVersion" FROM consent.purpose WHERE code = $1`, [code]);
    return (row as PurposeRule | undefined) ?? null;
  }

  /** The latest event for (purpose, partner) of each customer: one statement for the batch. */
  latest(customerIds: readonly string[], purposeCode: string, partnerId: string | null): Promise<LatestConsent[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (customer_id) id AS "eventId", customer_id AS "customerId", status, notice_version AS "noticeVersion"
       FROM consent.consent_event
       WHERE customer_id = ANY($1::uuid[]) AND purpose_code = $2 AND partner_id IS NOT DISTINCT FROM $3
       ORDER BY customer_id, seq DESC`,
      [customerIds, purposeCode, partnerId],
    );
  }

  /** Every customer whose latest event for (purpose, partner) is a grant under a notice the purpose still accepts. */
  async granted(purposeCode: string, partnerId: string | null): Promise<string[]> {
    const rows: { customerId: string }[] = await this.dataSource.query(
      `SELECT latest.customer_id AS "customerId" FROM (
         SELECT DISTINCT ON (customer_id) customer_id, status, notice_version
         FROM consent.consent_event
         WHERE purpose_code = $1 AND partner_id IS NOT DISTINCT FROM $2
         ORDER BY customer_id, seq DESC
       ) latest
       JOIN consent.purpose p ON p.code = $1
       WHERE latest.status = 'GRANTED' AND (p.required_notice_version IS NULL OR latest.notice_version >= p.required_notice_version)`,
      [purposeCode, partnerId],
    );
    return rows.map((r) => r.customerId);
  }
}
