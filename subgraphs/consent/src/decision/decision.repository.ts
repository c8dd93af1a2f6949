import type { DataSource } from 'typeorm';
import type { PersonalDataCategory } from '@c360/shared';

export interface PurposeRule {
  code: string;
  legalBasis: 'CONTRACT' | 'LEGITIMATE_INTEREST' | 'CONSENT';
  requiredNoticeVersion: number | null;
  /** The categories the purpose covers; every other category is denied. */
  dataCategories: PersonalDataCategory[];
}

const PURPOSE_RULE_COLUMNS = `p.code, p.legal_basis AS "legalBasis", p.required_notice_version AS "requiredNoticeVersion", p.data_categories AS "dataCategories"`;

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
    const [row] = await this.dataSource.query(`SELECT ${PURPOSE_RULE_COLUMNS} FROM consent.purpose p WHERE p.code = $1`, [code]);
    return (row as PurposeRule | undefined) ?? null;
  }

  /**
   * The purpose's rule, whether the partner (if any) is registered and active, and the latest
   * event for (purpose, partner) of each customer, in one statement: per-customer decisions
   * need all three, read together as they are now.
   */
  async purposeWithLatest(
    customerIds: readonly string[],
    purposeCode: string,
    partnerId: string | null,
  ): Promise<{ purpose: PurposeRule | null; partnerActive: boolean; latest: LatestConsent[] }> {
    const rows: (PurposeRule & Partial<LatestConsent> & { partnerActive: boolean | null })[] = await this.dataSource.query(
      `SELECT ${PURPOSE_RULE_COLUMNS},
              (SELECT active FROM consent.partner WHERE id = $3) AS "partnerActive",
              l.id AS "eventId", l.customer_id AS "customerId", l.status, l.notice_version AS "noticeVersion"
       FROM consent.purpose p
       LEFT JOIN LATERAL (
         SELECT DISTINCT ON (customer_id) id, customer_id, status, notice_version
         FROM consent.consent_event
         WHERE customer_id = ANY($1::uuid[]) AND purpose_code = p.code AND partner_id IS NOT DISTINCT FROM $3
         ORDER BY customer_id, seq DESC
       ) l ON true
       WHERE p.code = $2`,
      [customerIds, purposeCode, partnerId],
    );
    if (rows.length === 0) return { purpose: null, partnerActive: false, latest: [] };
    const { code, legalBasis, requiredNoticeVersion, dataCategories, partnerActive } = rows[0];
    const latest = rows.filter((r) => r.eventId).map((r) => ({ eventId: r.eventId!, customerId: r.customerId!, status: r.status!, noticeVersion: r.noticeVersion ?? null }));
    return { purpose: { code, legalBasis, requiredNoticeVersion, dataCategories }, partnerActive: partnerActive === true, latest };
  }

  /**
   * Several purposes' rules and, for each, the latest event of each customer with no partner, in
   * one statement: the purpose-only decisions of one request (MARKETING and PERSONALISATION, say)
   * are read together, as they are now. Unknown purposes are absent from the result.
   */
  async purposesWithLatest(customerIds: readonly string[], purposeCodes: readonly string[]): Promise<Map<string, { purpose: PurposeRule; latest: LatestConsent[] }>> {
    const rows: (PurposeRule & Partial<LatestConsent>)[] = await this.dataSource.query(
      `SELECT ${PURPOSE_RULE_COLUMNS},
              l.id AS "eventId", l.customer_id AS "customerId", l.status, l.notice_version AS "noticeVersion"
       FROM consent.purpose p
       LEFT JOIN LATERAL (
         SELECT DISTINCT ON (customer_id) id, customer_id, status, notice_version
         FROM consent.consent_event
         WHERE customer_id = ANY($1::uuid[]) AND purpose_code = p.code AND partner_id IS NULL
         ORDER BY customer_id, seq DESC
       ) l ON true
       WHERE p.code = ANY($2::text[])`,
      [customerIds, purposeCodes],
    );
    const byPurpose = new Map<string, { purpose: PurposeRule; latest: LatestConsent[] }>();
    for (const { code, legalBasis, requiredNoticeVersion, dataCategories, eventId, customerId, status, noticeVersion } of rows) {
      if (!byPurpose.has(code)) byPurpose.set(code, { purpose: { code, legalBasis, requiredNoticeVersion, dataCategories }, latest: [] });
      if (eventId) byPurpose.get(code)!.latest.push({ eventId, customerId: customerId!, status: status!, noticeVersion: noticeVersion ?? null });
    }
    return byPurpose;
  }

  /**
   * Every customer whose latest event for (purpose, partner) is a grant under a notice the
   * purpose still accepts; nobody when the partner is unregistered or inactive.
   */
  async granted(purposeCode: string, partnerId: string | null): Promise<string[]> {
    const rows: { customerId: string }[] = await this.dataSource.query(
      `SELECT latest.customer_id AS "customerId" FROM (
         SELECT DISTINCT ON (customer_id) customer_id, status, notice_version
         FROM consent.consent_event
         WHERE purpose_code = $1 AND partner_id IS NOT DISTINCT FROM $2
         ORDER BY customer_id, seq DESC
       ) latest
       JOIN consent.purpose p ON p.code = $1
       WHERE latest.status = 'GRANTED' AND (p.required_notice_version IS NULL OR latest.notice_version >= p.required_notice_version)
         AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM consent.partner WHERE id = $2 AND active))`,
      [purposeCode, partnerId],
    );
    return rows.map((r) => r.customerId);
  }
}
