/** Self-service keys the customer's own name is made from; a customer may not send a key of this form. */
export const OWN_KEY_PREFIX = 'self:';

/**
 * The customer's own name for an idempotency key another customer's response holds (a customer id
 * is a UUID, so the parts cannot run together).
 */
export const ownEventKey = (customerId: string, eventId: string) => `${OWN_KEY_PREFIX}${customerId}:${eventId}`;

/** The key as its customer sent it: an own name made by ownEventKey shows as the key sent. */
export function eventIdAsSent(customerId: string, stored: string): string {
  const own = ownEventKey(customerId, '');
  return stored.startsWith(own) ? stored.slice(own.length) : stored;
}
