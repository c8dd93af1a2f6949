import type { EntityManager } from 'typeorm';
import { consentEventHash, GENESIS_HASH } from './ledger-hash';
import { LedgerRepository } from './ledger.repository';

/** A new ledger row by column name, as demo seeding and bulk imports produce them. */
export interface ConsentEventRow {
  id: string;
  customer_id: string;
  purpose_code: string;
  partner_id: string | null;
  status: string;
  notice_version: number | null;
  channel: string;
  client_id: string;
  recorded_at: string;
}

const CHUNK = 5000;

/**
 * Appends many events in the given order, each linked into its customer's chain: seqs are
 * reserved and heads locked up front, hashes computed here, rows inserted a chunk per statement.
 */
export async function appendChainedEvents(manager: EntityManager, rows: readonly ConsentEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const { heads, seqs } = await new LedgerRepository(manager.connection).reserveLinks(manager, [...new Set(rows.map((r) => r.customer_id))], rows.length);
  const chained = rows.map((row, i) => {
    const prevHash = heads.get(row.customer_id) ?? GENESIS_HASH;
    const event = {
      id: row.id,
      seq: seqs[i],
      customerId: row.customer_id,
      purposeCode: row.purpose_code,
      partnerId: row.partner_id,
      status: row.status,
      noticeVersion: row.notice_version,
      channel: row.channel,
      clientId: row.client_id,
      recordedAt: new Date(row.recorded_at),
    };
    const hash = consentEventHash(event, prevHash);
    heads.set(row.customer_id, hash);
    return { ...row, seq: event.seq, recorded_at: event.recordedAt.toISOString(), prev_hash: prevHash, hash };
  });
  for (let i = 0; i < chained.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO consent.consent_event (id, seq, customer_id, purpose_code, partner_id, status, notice_version, channel, client_id, recorded_at, prev_hash, hash)
       OVERRIDING SYSTEM VALUE
       SELECT id, seq, customer_id, purpose_code, partner_id, status, notice_version, channel, client_id, recorded_at, prev_hash, hash
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, seq bigint, customer_id uuid, purpose_code text, partner_id text, status text,
         notice_version int, channel text, client_id text, recorded_at timestamptz, prev_hash text, hash text)`,
      [JSON.stringify(chained.slice(i, i + CHUNK))],
    );
  }
}
