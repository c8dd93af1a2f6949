import { createHash } from 'node:crypto';

/** prev_hash of a customer's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What of an event the hash covers: everything a regulator would ask about, plus its place in the ledger. */
export interface HashedConsentEvent {
  id: string;
  seq: number;
  customerId: string;
  purposeCode: string;
  partnerId: string | null;
  status: string;
  noticeVersion: number | null;
  channel: string;
  clientId: string;
  recordedAt: Date;
}

/**
 * The canonical form (version 1), the only definition of it: the JSON text of the array
 *   ["c360-consent-v1", id, customerId, purposeCode, partnerId|null, status, noticeVersion|null,
 *    channel, clientId, recordedAt as ISO-8601 UTC with milliseconds, seq as a decimal string, prevHash]
 * with ids in lower case. An array has no key order to disagree on, and JSON escapes every string the same way.
 * hash = lower-case hex SHA-256 of its UTF-8 bytes. Changing any of this is a new version, never an edit.
 */
export function canonicalConsentEvent(event: HashedConsentEvent, prevHash: string): string {
  return JSON.stringify([
    'c360-consent-v1',
    event.id.toLowerCase(),
    event.customerId.toLowerCase(),
    event.purposeCode,
    event.partnerId,
    event.status,
    event.noticeVersion,
    event.channel,
    event.clientId,
    event.recordedAt.toISOString(),
    String(event.seq),
    prevHash,
  ]);
}

export function consentEventHash(event: HashedConsentEvent, prevHash: string): string {
  return createHash('sha256').update(canonicalConsentEvent(event, prevHash), 'utf8').digest('hex');
}
