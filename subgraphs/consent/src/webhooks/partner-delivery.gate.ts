import { createHash } from 'node:crypto';
import { CallerKind, DecisionReason, type Caller, type ConsentDecider, type EventEnvelope, type PersonalDataCategory } from '@c360/shared';
import { PARTNER_SHARING } from '../decision/decision.service';
import type { DisclosureLedger } from '../disclosure/disclosure.service';
import type { DisclosureRepository } from '../disclosure/disclosure.repository';
import { PARTNER_DELETION_NOTICES, planPartnerRelay, type DecideMany, type PartnerRelayPlan } from './partner-relay';

/** Which of these ids a data delivery to the subscription is still waiting about (planned or stored). */
export type WaitingData = (customerIds: string[]) => Promise<string[]>;

/** The disclosure ledger's subgraph column for what webhooks sent. */
export const WEBHOOK_DISCLOSURE_SOURCE = 'webhooks';

/** A partner's webhook is judged as that partner's own query would be: a partner caller with its purpose. */
export const partnerWebhookCaller = (partnerId: string, subscriptionId: string): Caller => ({
  clientId: `webhook:${subscriptionId}`,
  kind: CallerKind.PARTNER,
  scopes: [],
  partnerId,
  purpose: PARTNER_SHARING,
});

/**
 * Applies the partner relay rule with live decisions (never a cached allow): once when an event is
 * relayed, and again just before sending, so a withdrawal in between stops the delivery. "Received
 * before" is the disclosure ledger (queries and webhooks alike), plus, when planning, a data
 * delivery still waiting for the same subscription (the notice is queued behind it).
 */
export class PartnerDeliveryGate {
  constructor(
    private readonly decisions: ConsentDecider,
    private readonly disclosures: DisclosureRepository,
    private readonly ledger: DisclosureLedger,
  ) {}

  /** What one event becomes for this partner (at most one delivery): the check just before sending. */
  async plan(event: EventEnvelope, partnerId: string, subscriptionId: string, waiting?: WaitingData, decided?: DecideMany): Promise<PartnerRelayPlan> {
    return (await this.plans(event, partnerId, subscriptionId, waiting, decided))[0] ?? { deliver: false };
  }

  /**
   * What one event becomes for this partner when it is relayed: nothing, one delivery, or for a deletion
   * notice about a merged person one notice per id the partner knew them under, so it deletes every copy.
   * A notice naming another id than the event's gets an id of its own, derived from both (a retried relay
   * plans the same one again), so a receiver that de-duplicates on webhook-id keeps each.
   */
  async plans(event: EventEnvelope, partnerId: string, subscriptionId: string, waiting?: WaitingData, decided?: DecideMany): Promise<PartnerRelayPlan[]> {
    const caller = partnerWebhookCaller(partnerId, subscriptionId);
    const decide: DecideMany = decided ?? ((requests) => this.decisions.decide(caller, requests));
    const known = (ids: string[]) => this.knownAmong(partnerId, ids, waiting);
    if (PARTNER_DELETION_NOTICES.has(event.type) && event.customerId) {
      const named = await this.noticeAddressees(event, known);
      return Promise.all(
        named.map((id, i) => planPartnerRelay(i === 0 ? (id === event.customerId ? event : { ...event, customerId: id }) : { ...event, id: noticeIdFor(event.id, id), customerId: id }, partnerId, decide, async () => true)),
      );
    }
    return [await planPartnerRelay(event, partnerId, decide, async (customerId) => (await known([customerId])).length > 0)];
  }

  /** Of these ids, those the partner received something about: the disclosure ledger, or a data delivery still waiting. */
  private async knownAmong(partnerId: string, ids: string[], waiting?: WaitingData): Promise<string[]> {
    const disclosed = new Set(await this.disclosures.knownToPartner(partnerId, ids));
    const rest = ids.filter((id) => !disclosed.has(id));
    const held = new Set(waiting && rest.length ? await waiting(rest) : []);
    return ids.filter((id) => disclosed.has(id) || held.has(id));
  }

  /**
   * Whom a deletion notice names to this partner: none when it received nothing about the person, else
   * every id it knew them under, the event's own first. A withdrawal by a merged person also reaches a
   * partner that knew them only under retired ids, named by those (the ids the partner knows: naming the
   * survivor would tell it of the merge). An erasure needs no alias walk: the customers subgraph emits
   * one `customer.erased` per id the person had.
   */
  private async noticeAddressees(event: EventEnvelope, known: (ids: string[]) => Promise<string[]>): Promise<string[]> {
    const id = event.customerId!.toLowerCase();
    const ids = event.type === 'consent.withdrawn' ? await this.disclosures.idsOf(id) : [id];
    const knownIds = await known(ids);
    return knownIds.includes(id) ? [event.customerId!, ...knownIds.filter((k) => k !== id)] : knownIds;
  }

  /**
   * The decisions a batch of events needs for one subscription, asked in one call (taken now, for this
   * batch's planning only; sending decides again): answers a `decided` for plan(). Nothing is asked
   * when no event of the batch discloses anything about a customer.
   */
  async decideFor(events: EventEnvelope[], partnerId: string, subscriptionId: string): Promise<DecideMany> {
    const wanted = new Map<string, { customerId: string; category: PersonalDataCategory }>();
    const collect: DecideMany = async (requests) => {
      for (const r of requests) wanted.set(`${r.customerId}/${r.category}`, r);
      return requests.map((r) => ({ ...r, allowed: false, reason: DecisionReason.NO_CONSENT }));
    };
    for (const event of events) await planPartnerRelay(event, partnerId, collect, async () => false);
    const requests = [...wanted.values()];
    const answers = requests.length ? await this.decisions.decide(partnerWebhookCaller(partnerId, subscriptionId), requests) : [];
    const known = new Map(requests.map((r, i) => [`${r.customerId}/${r.category}`, answers[i]]));
    // Anything not asked above (never, as plans ask the same for the same event) is decided live.
    return async (asked) => {
      const missing = asked.filter((r) => !known.get(`${r.customerId}/${r.category}`));
      if (missing.length) {
        const live = await this.decisions.decide(partnerWebhookCaller(partnerId, subscriptionId), missing);
        missing.forEach((r, i) => known.set(`${r.customerId}/${r.category}`, live[i]));
      }
      return asked.map((r) => known.get(`${r.customerId}/${r.category}`)!);
    };
  }

  /** The ledger entries of a data delivery to a partner: who, which customers, which categories, under which grants. */
  async recordDisclosure(partnerId: string, subscriptionId: string, plan: PartnerRelayPlan): Promise<void> {
    if (!plan.deliver || plan.notice || plan.disclosures.length === 0) return;
    await this.ledger.record(partnerWebhookCaller(partnerId, subscriptionId), WEBHOOK_DISCLOSURE_SOURCE, plan.disclosures);
  }
}

/** A stable UUID (version 8, name-based) for the notice of `eventId` that names `customerId`. */
export function noticeIdFor(eventId: string, customerId: string): string {
  const hex = createHash('sha256').update(`${eventId.toLowerCase()}/${customerId.toLowerCase()}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
