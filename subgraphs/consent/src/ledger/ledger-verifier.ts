import { consentEventHash, GENESIS_HASH } from './ledger-hash';
import type { LedgerRow } from './ledger.repository';

export interface ChainVerdict {
  eventsChecked: number;
  valid: boolean;
  firstBrokenEventId: string | null;
  reason: string | null;
  headHash: string | null;
}

/**
 * Walks one customer's chain in ledger order and stops at the first broken link: an event whose
 * content no longer matches its hash (it was altered), or whose prev_hash is not the hash of the
 * event before it (an event before it was removed, inserted or rehashed).
 */
export function verifyChain(events: readonly LedgerRow[]): ChainVerdict {
  let expectedPrev = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const broken = (reason: string): ChainVerdict => ({ eventsChecked: index + 1, valid: false, firstBrokenEventId: event.id, reason, headHash: null });
    if (event.prevHash !== expectedPrev) {
      return broken(index === 0 ? 'the first event does not start from the genesis hash: earlier events are missing' : 'prev_hash does not match the hash of the event before it: an event was removed, inserted or rehashed');
    }
    if (consentEventHash(event, event.prevHash) !== event.hash) return broken('the event content does not match its hash: it was altered after it was recorded');
    expectedPrev = event.hash;
  }
  return { eventsChecked: events.length, valid: true, firstBrokenEventId: null, reason: null, headHash: events.length ? expectedPrev : null };
}
