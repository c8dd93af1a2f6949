import type { EntityManager } from 'typeorm';
import { outboxTableOf } from './record-event';

/** The event that tells recipients to delete what they hold: it must name the customer until it is delivered. */
export const ERASURE_NOTICE = 'customer.erased';

/** Events whose payload names a second customer (survivorId) besides the envelope's customerId. */
const MERGE_EVENTS = ['customer.merged', 'customer.unmerged'];

/**
 * Erasure, inside the erasing transaction: the subgraph's outbox keeps nothing about the customer.
 * Events not yet delivered are dropped (they would tell recipients about a person who is gone; the
 * erasure notice replaces them) and delivered ones lose their row. Only an erasure notice recorded
 * in the same transaction stays, until delivery redacts it (see OutboxRepository.markDelivered).
 */
export async function purgeCustomerEvents(manager: EntityManager, customerIds: readonly string[]): Promise<number> {
  if (customerIds.length === 0) return 0;
  // Merge events name a second customer in their payload: they go when either person is erased.
  const result: unknown = await manager.query(
    `DELETE FROM ${outboxTableOf(manager)} WHERE (customer_id = ANY($1::uuid[]) OR (type = ANY($3::text[]) AND payload->>'survivorId' = ANY($1::text[]))) AND type <> $2`,
    [customerIds, ERASURE_NOTICE, MERGE_EVENTS],
  );
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
