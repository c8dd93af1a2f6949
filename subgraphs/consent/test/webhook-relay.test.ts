import { randomUUID } from 'node:crypto';
import { DecisionReason, PersonalDataCategory, type Caller, type ConsentDecider, type DecisionRequest, type EventEnvelope } from '@c360/shared';
import type { DisclosureLedger } from '../src/disclosure/disclosure.service';
import type { DisclosureRepository } from '../src/disclosure/disclosure.repository';
import { noticeIdFor, PartnerDeliveryGate } from '../src/webhooks/partner-delivery.gate';
import type { WebhookDeliveryRepository } from '../src/webhooks/webhook-delivery.repository';
import { WebhookRelay } from '../src/webhooks/webhook-relay.service';
import type { WebhookSubscriptionRepository } from '../src/webhooks/webhook-subscription.repository';
import type { WebhookSubscriptionRow } from '../src/webhooks/webhook-subscription.service';

const subscription = (partnerId: string | null, eventTypes: string[]): WebhookSubscriptionRow => ({
  id: randomUUID(),
  partnerId,
  url: 'https://hooks.example/x',
  eventTypes,
  secret: 'whsec_x',
  previousSecret: null,
  previousUntil: null,
  createdAt: new Date(),
  disabledAt: null,
});
const event = (type: EventEnvelope['type'], customerId: string | null, payload: Record<string, unknown> = {}): EventEnvelope => ({ id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), customerId, payload });

/** The relay with storage and decisions in memory: counts statements-worth of work (lookups, decision calls, inserts). */
function relayWith(subscriptions: WebhookSubscriptionRow[], grants: Map<string, Set<string>>, ledger: { disclosed?: Map<string, string[]>; mergedInto?: Map<string, string[]> } = {}) {
  const work = { lookups: 0, decisionCalls: 0, inserts: 0 };
  const stored: { subscriptionId: string; event: EventEnvelope }[] = [];
  const decider = {
    async decide(caller: Caller, requests: DecisionRequest[]) {
      work.decisionCalls++;
      return requests.map((r) =>
        grants.get(`${caller.partnerId}/${r.customerId}`)?.has(r.category) ? { ...r, allowed: true, reason: DecisionReason.CONSENT_GRANTED, consentRecordId: 'g' } : { ...r, allowed: false, reason: DecisionReason.NO_CONSENT },
      );
    },
  } as unknown as ConsentDecider;
  const repo = {
    async subscribedToAny(types: string[]) {
      work.lookups++;
      return subscriptions.filter((s) => s.eventTypes.some((t) => types.includes(t)));
    },
  } as unknown as WebhookSubscriptionRepository;
  const deliveries = {
    async enqueueAll(rows: { subscriptionId: string; event: EventEnvelope }[]) {
      work.inserts++;
      stored.push(...rows);
      return rows.length;
    },
    async holdsDataFor() {
      return [];
    },
  } as unknown as WebhookDeliveryRepository;
  // The disclosure ledger: which ids each partner received something about; which ids were merged into a customer.
  const disclosures = {
    knownToPartner: async (partnerId: string, ids: string[]) => ids.filter((id) => ledger.disclosed?.get(partnerId)?.includes(id)),
    idsOf: async (id: string) => [id, ...(ledger.mergedInto?.get(id) ?? [])],
  } as unknown as DisclosureRepository;
  const gate = new PartnerDeliveryGate(decider, disclosures, {} as DisclosureLedger);
  return { relay: new WebhookRelay(repo, deliveries, gate), work, stored };
}

describe('the webhook relay plans a dispatch batch at once', () => {
  it('one subscription lookup, one decision call per partner subscription and one insert for a whole batch, with the same outcome as one event at a time', async () => {
    const customers = Array.from({ length: 40 }, () => randomUUID());
    const grants = new Map<string, Set<string>>();
    customers.forEach((c, i) => {
      if (i % 2 === 0) grants.set(`partner-a/${c}`, new Set([PersonalDataCategory.IDENTITY]));
      if (i % 3 === 0) grants.set(`partner-b/${c}`, new Set([PersonalDataCategory.IDENTITY, PersonalDataCategory.LOCATION]));
    });
    const subs = [subscription('partner-a', ['customer.updated']), subscription('partner-b', ['customer.updated', 'customer.created']), subscription(null, ['customer.updated'])];
    const events = customers.map((c) => event('customer.updated', c, { customerId: c, fields: ['city', 'givenName'] }));

    const batched = relayWith(subs, grants);
    expect(await batched.relay.relayAll(events)).toBe(40 + 20 + 14);
    expect(batched.work).toEqual({ lookups: 1, decisionCalls: 2, inserts: 1 });

    const single = relayWith(subs, grants);
    for (const e of events) await single.relay.relay(e);
    expect(single.work.decisionCalls).toBe(40 + 40); // one per event and partner subscription
    expect(batched.stored).toEqual(single.stored);

    // In outbox order, each partner gets only what its consent covers: A no LOCATION field name, B both.
    const forSub = (i: number) => batched.stored.filter((d) => d.subscriptionId === subs[i].id);
    expect(forSub(0).map((d) => d.event.customerId)).toEqual(customers.filter((_, i) => i % 2 === 0));
    expect(forSub(0).every((d) => JSON.stringify(d.event.payload.fields) === '["givenName"]')).toBe(true);
    expect(forSub(1).every((d) => JSON.stringify(d.event.payload.fields) === '["city","givenName"]')).toBe(true);
    expect(forSub(2).map((d) => d.event)).toEqual(events); // internal: as recorded
  });
});

describe('deletion notices after a merge', () => {
  const [survivor, retired] = [randomUUID(), randomUUID()];
  const withdrawn = (customerId: string, partnerId: string) => event('consent.withdrawn', customerId, { partnerId, status: 'WITHDRAWN', purposeCode: 'PARTNER_SHARING' });

  it("a survivor's withdrawal reaches a partner that knew only the retired id, named by that id", async () => {
    const subs = [subscription('partner-a', ['consent.withdrawn']), subscription('partner-b', ['consent.withdrawn'])];
    const { relay, stored } = relayWith(subs, new Map(), { disclosed: new Map([['partner-a', [retired]]]), mergedInto: new Map([[survivor, [retired]]]) });
    const notice = withdrawn(survivor, 'partner-a');
    expect(await relay.relay(notice)).toBe(1);
    expect(stored).toEqual([{ subscriptionId: subs[0].id, event: { ...notice, customerId: retired } }]);
  });

  it('names each id a partner knew, the survivor first (the others under ids of their own), and goes to no partner that knew neither id', async () => {
    const subs = [subscription('partner-a', ['consent.withdrawn'])];
    const known = relayWith(subs, new Map(), { disclosed: new Map([['partner-a', [retired, survivor]]]), mergedInto: new Map([[survivor, [retired]]]) });
    const notice = withdrawn(survivor, 'partner-a');
    await known.relay.relay(notice);
    expect(known.stored.map((d) => d.event)).toEqual([notice, { ...notice, id: noticeIdFor(notice.id, retired), customerId: retired }]);
    // A retried relay plans the very same notices (the store keeps one per subscription and id).
    await known.relay.relay(notice);
    expect(known.stored.map((d) => d.event.id)).toEqual([notice.id, noticeIdFor(notice.id, retired), notice.id, noticeIdFor(notice.id, retired)]);
    const stranger = relayWith(subs, new Map(), { disclosed: new Map([['partner-a', [randomUUID()]]]), mergedInto: new Map([[survivor, [retired]]]) });
    expect(await stranger.relay.relay(notice)).toBe(0);
  });

  it("an erasure notice is not re-addressed: the customers subgraph sends one per id, each reaching the partners that knew it", async () => {
    const subs = [subscription('partner-a', ['customer.erased'])];
    const { relay, stored } = relayWith(subs, new Map(), { disclosed: new Map([['partner-a', [retired]]]), mergedInto: new Map([[survivor, [retired]]]) });
    await relay.relayAll([event('customer.erased', retired, { customerId: retired }), event('customer.erased', survivor, { customerId: survivor })]);
    expect(stored.map((d) => d.event.customerId)).toEqual([retired]);
  });
});
