import type { NewEvent } from '@c360/shared';
import type { ConsentEventEntity } from './consent-event.entity';

const TYPES = { GRANTED: 'consent.granted', WITHDRAWN: 'consent.withdrawn', DENIED: 'consent.denied' } as const;

/** The outbox event for one appended consent-ledger entry. */
export function consentEventOf(entry: ConsentEventEntity): NewEvent {
  return {
    type: TYPES[entry.status as keyof typeof TYPES] ?? 'consent.denied',
    customerId: entry.customerId,
    payload: { consentEventId: entry.id, purposeCode: entry.purposeCode, partnerId: entry.partnerId, status: entry.status, noticeVersion: entry.noticeVersion },
    occurredAt: entry.recordedAt,
  };
}
