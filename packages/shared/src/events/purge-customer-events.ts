import type { EntityManager } from 'typeorm';
import { outboxTableOf } from './record-event';

/** The event that tells recipients to delete what they hold: it must name the customer until it is delivered. */
export const ERASURE_NOTICE = 'customer.erased';

/** Events whose payload names a second customer (survivorId) besides the envelope's customerId. */
const MERGE_EVENTS = ['customer.merged', 'customer.unmerged'];

/** What an erasure dropped from the outbox, and until when its notice must wait. */
export interface PurgedEvents {
  dropped: number;
  /**
   * The latest lease among the dropped rows a dispatcher had claimed (null when none): such a row may be
   * on its way to a recipient right now (a lease is no lock, and another replica's dispatcher could take
   * the notice at once), so the erasure notice is recorded with this as its `notBefore` and never
   * arrives before the data it asks to delete. The dispatcher delivering the row releases the notice as
   * soon as that delivery ends (OutboxRepository.releaseHeldNotices); the lease's end only matters when it
   * crashed. A row waiting out a retry counts too: its notice waits at most the retry delay.
   */
  noticeNotBefore: Date | null;
}

/**
 * Erasure, inside the erasing transaction: the subgraph's outbox keeps nothing about the customer.
 * Events not yet delivered are dropped (they would tell recipients about a person who is gone; the
 * erasure notice replaces them) and delivered ones lose their row. Only an erasure notice recorded
 * in the same transaction stays, until delivery redacts it (see OutboxRepository.markDelivered).
 */
export async function purgeCustomerEvents(manager: EntityManager, customerIds: readonly string[]): Promise<PurgedEvents> {
  if (customerIds.length === 0) return { dropped: 0, noticeNotBefore: null };
  // Merge events name a second customer in their payload: they go when either person is erased.
  const rows: { claimed_until: Date | string | null }[] = await manager.query(
    `WITH dropped AS (
       DELETE FROM ${outboxTableOf(manager)} WHERE (customer_id = ANY($1::uuid[]) OR (type = ANY($3::text[]) AND payload->>'survivorId' = ANY($1::text[]))) AND type <> $2
       RETURNING CASE WHEN delivered_at IS NULL AND NOT dead AND attempts > 0 AND next_attempt_at > now() THEN next_attempt_at END AS claimed_until)
     SELECT count(*)::int AS dropped, max(claimed_until) AS claimed_until FROM dropped`,
    [customerIds, ERASURE_NOTICE, MERGE_EVENTS],
  );
  const [row] = rows as unknown as { dropped: number; claimed_until: Date | string | null }[];
  const noticeNotBefore = row?.claimed_until ? new Date(row.claimed_until) : null;
  // Notices this transaction already recorded (a merged person's retired ids) wait as well.
  if (noticeNotBefore) {
    await manager.query(`UPDATE ${outboxTableOf(manager)} SET next_attempt_at = greatest(next_attempt_at, $3::timestamptz) WHERE type = $2 AND customer_id = ANY($1::uuid[]) AND delivered_at IS NULL`, [
      customerIds,
      ERASURE_NOTICE,
      noticeNotBefore,
    ]);
  }
  return { dropped: row?.dropped ?? 0, noticeNotBefore };
}
