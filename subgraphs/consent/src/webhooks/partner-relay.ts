import { PersonalDataCategory, type ConsentDecision, type EventEnvelope } from '@c360/shared';

/**
 * The personal-data category an event discloses to a partner about its customer (payloads carry ids,
 * codes and field names, so the event reveals at least that the customer exists and did this).
 * `null`: not about a customer (stock), nothing personal. Absent: never relayed to partners.
 */
export const PARTNER_EVENT_CATEGORY: Partial<Record<EventEnvelope['type'], PersonalDataCategory | null>> = {
  'customer.created': PersonalDataCategory.IDENTITY,
  'customer.updated': PersonalDataCategory.IDENTITY,
  'order.recorded': PersonalDataCategory.FINANCIAL,
  'order.status_changed': PersonalDataCategory.FINANCIAL,
  'offer.response_recorded': PersonalDataCategory.BEHAVIOURAL,
  'stock.level_changed': null,
};

/** Deletion notices: sent to every partner that earlier received an event about the customer, whatever consent says now. */
export const PARTNER_DELETION_NOTICES: ReadonlySet<string> = new Set(['consent.withdrawn', 'customer.erased']);

export type PartnerRelayPlan =
  | { deliver: false }
  | { deliver: true; notice: false; category: PersonalDataCategory | null; consentRecordId: string | null }
  | { deliver: true; notice: true };

/**
 * Whether one event goes to one partner's webhook, decided exactly as a query by that partner would be:
 * the same consent decision (`decide`, the partner's PARTNER_SHARING grant for that category) allows it,
 * or the event is a deletion notice and the partner received something about the customer before.
 * Consent events about other partners and subject requests are never relayed to partners.
 */
export async function planPartnerRelay(
  event: EventEnvelope,
  partnerId: string,
  decide: (customerId: string, category: PersonalDataCategory) => Promise<ConsentDecision>,
  receivedBefore: (customerId: string) => Promise<boolean>,
): Promise<PartnerRelayPlan> {
  if (PARTNER_DELETION_NOTICES.has(event.type)) {
    if (!event.customerId) return { deliver: false };
    if (event.type === 'consent.withdrawn' && event.payload.partnerId !== partnerId) return { deliver: false };
    return (await receivedBefore(event.customerId)) ? { deliver: true, notice: true } : { deliver: false };
  }
  if (!(event.type in PARTNER_EVENT_CATEGORY)) return { deliver: false };
  const category = PARTNER_EVENT_CATEGORY[event.type] ?? null;
  if (category === null) return event.customerId ? { deliver: false } : { deliver: true, notice: false, category: null, consentRecordId: null };
  if (!event.customerId) return { deliver: false };
  const decision = await decide(event.customerId, category);
  return decision.allowed ? { deliver: true, notice: false, category, consentRecordId: decision.consentRecordId ?? null } : { deliver: false };
}
