import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { bulkInsert, type ChildPageRows, type CursorKey } from '@c360/shared';
import { ALIASES_OF } from '../subject-data/consent-merge.repository';

export interface DisclosureRow {
  id: string;
  seq: number;
  disclosedAt: Date;
  customerId: string;
  partnerId: string | null;
  clientId: string;
  callerKind: string;
  purposeCode: string;
  categories: string[];
  consentEventIds: string[];
  subgraph: string;
}

export type NewDisclosure = Omit<DisclosureRow, 'id' | 'seq'>;

/** All SQL for the disclosure ledger. Only ever INSERTs: the table refuses changes. */
export class DisclosureRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(disclosures: NewDisclosure[]): Promise<number> {
    await bulkInsert(
      this.dataSource,
      'consent.disclosure',
      { id: 'uuid', disclosed_at: 'timestamptz', customer_id: 'uuid', partner_id: 'text', client_id: 'text', caller_kind: 'text', purpose_code: 'text', categories: 'text[]', consent_event_ids: 'uuid[]', subgraph: 'text' },
      disclosures.map((d) => ({
        id: randomUUID(),
        disclosed_at: d.disclosedAt.toISOString(),
        customer_id: d.customerId,
        partner_id: d.partnerId,
        client_id: d.clientId,
        caller_kind: d.callerKind,
        purpose_code: d.purposeCode,
        categories: d.categories,
        consent_event_ids: d.consentEventIds,
        subgraph: d.subgraph,
      })),
    );
    return disclosures.length;
  }

  /** Which of these ids the partner was ever disclosed anything about (a deletion notice then goes to it), in the order given. */
  async knownToPartner(partnerId: string, customerIds: readonly string[]): Promise<string[]> {
    if (customerIds.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT d.customer_id::text AS id FROM consent.disclosure d WHERE d.partner_id = $1 AND d.customer_id = ANY($2::uuid[])`,
      [partnerId, [...customerIds]],
    );
    const known = new Set(rows.map((r) => r.id));
    return customerIds.filter((id) => known.has(id.toLowerCase()));
  }

  /** The customer's id and every id merged into it (transitively, as long as the merge stands), the customer's first. */
  async idsOf(customerId: string): Promise<string[]> {
    const rows: { member: string }[] = await this.dataSource.query(`${ALIASES_OF} SELECT member::text AS member FROM owned ORDER BY member`, [[customerId]]);
    const id = customerId.toLowerCase();
    return [id, ...rows.map((r) => r.member).filter((m) => m !== id)];
  }

  /** Newest first; one statement for every customer in the batch. */
  async pages(customerIds: string[], size: number, after: CursorKey | undefined): Promise<ChildPageRows<DisclosureRow>> {
    const raw: Record<string, unknown>[] = await this.dataSource.query(
      `${ALIASES_OF}, page AS (
         SELECT d.*, o.owner, row_number() OVER (PARTITION BY o.owner ORDER BY d.seq DESC) AS rn
         FROM consent.disclosure d JOIN owned o ON d.customer_id = o.member
         WHERE ($3::bigint IS NULL OR d.seq < $3::bigint)
       ), totals AS (
         SELECT o.owner, count(*)::int AS total FROM consent.disclosure d JOIN owned o ON d.customer_id = o.member GROUP BY o.owner
       )
       SELECT page.*, totals.total FROM page JOIN totals USING (owner) WHERE page.rn <= $2 ORDER BY page.owner, page.rn`,
      [customerIds, size + 1, after?.[0] ?? null],
    );
    const totals = new Map<string, number>();
    const rows = raw.map((r) => {
      // A merged person's disclosures are read under the survivor (the rows keep the id they were recorded for).
      totals.set(r.owner as string, r.total as number);
      return {
        id: r.id as string,
        seq: Number(r.seq),
        disclosedAt: new Date(r.disclosed_at as string),
        customerId: r.owner as string,
        partnerId: (r.partner_id as string | null) ?? null,
        clientId: r.client_id as string,
        callerKind: r.caller_kind as string,
        purposeCode: r.purpose_code as string,
        categories: r.categories as string[],
        consentEventIds: r.consent_event_ids as string[],
        subgraph: r.subgraph as string,
      };
    });
    return { rows, totals };
  }
}
