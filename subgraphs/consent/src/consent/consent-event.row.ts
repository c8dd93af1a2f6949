import { ConsentEventEntity } from './consent-event.entity';

/** The ledger columns, in one place for every query that reads events back. */
export const CONSENT_EVENT_COLUMNS = 'id, seq, customer_id, purpose_code, partner_id, status, notice_version, channel, client_id, recorded_at, prev_hash, hash';

export function toConsentEvent(r: Record<string, unknown>): ConsentEventEntity {
  return Object.assign(new ConsentEventEntity(), {
    id: r.id as string,
    seq: Number(r.seq),
    customerId: r.customer_id as string,
    purposeCode: r.purpose_code as string,
    partnerId: (r.partner_id as string | null) ?? null,
    status: r.status as string,
    noticeVersion: (r.notice_version as number | null) ?? null,
    channel: r.channel as string,
    clientId: r.client_id as string,
    recordedAt: new Date(r.recorded_at as string | Date),
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  });
}
