import type { EventEnvelope, EventSink } from '@c360/shared';
import type { WebhookDeliveryRepository } from './webhook-delivery.repository';
import type { WebhookSubscriptionRepository } from './webhook-subscription.repository';
import type { PartnerDeliveryGate } from './partner-delivery.gate';
import type { DecideMany } from './partner-relay';

/**
 * Plans the webhook deliveries of outbox events (from any subgraph's outbox): every enabled
 * subscription to the event's type, internal ones as they are, a partner's only when the partner relay
 * rule lets it through and in the form it allows (a `customer.updated` narrowed to the fields the
 * partner's consent covers). Stores them in the delivery outbox; the delivery worker sends them.
 */
export class WebhookRelay {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly gate: PartnerDeliveryGate,
  ) {}

  async relay(event: EventEnvelope): Promise<number> {
    return this.relayAll([event]);
  }

  /**
   * A dispatch batch, in its order: one subscription lookup, one consent decision call per partner
   * subscription and one insert for the whole batch.
   * Idempotent per event and subscription, so a batch retried after a failure stores nothing twice.
   */
  async relayAll(events: EventEnvelope[]): Promise<number> {
    if (events.length === 0) return 0;
    const subscriptions = await this.subscriptions.subscribedToAny([...new Set(events.map((e) => e.type))]);
    // Each partner subscription's consent decisions for the whole batch, in one call per subscription.
    const decided = new Map<string, DecideMany>();
    for (const subscription of subscriptions) {
      if (subscription.partnerId === null) continue;
      const relevant = events.filter((e) => subscription.eventTypes.includes(e.type));
      if (relevant.length) decided.set(subscription.id, await this.gate.decideFor(relevant, subscription.partnerId, subscription.id));
    }
    const planned: { subscriptionId: string; event: EventEnvelope }[] = [];
    // A data delivery planned earlier in this batch counts as waiting (a notice is queued behind it).
    const plannedData = new Set<string>();
    for (const event of events) {
      for (const subscription of subscriptions) {
        if (!subscription.eventTypes.includes(event.type)) continue;
        if (subscription.partnerId === null) {
          planned.push({ subscriptionId: subscription.id, event });
          continue;
        }
        const waiting = async (customerIds: string[]) => {
          const planned = customerIds.filter((id) => plannedData.has(`${subscription.id}/${id.toLowerCase()}`));
          const stored = await this.deliveries.holdsDataFor(subscription.id, customerIds.filter((id) => !planned.includes(id)));
          return [...planned, ...stored];
        };
        for (const plan of await this.gate.plans(event, subscription.partnerId, subscription.id, waiting, decided.get(subscription.id))) {
          if (!plan.deliver) continue;
          planned.push({ subscriptionId: subscription.id, event: plan.event });
          if (!plan.notice && event.customerId) plannedData.add(`${subscription.id}/${event.customerId.toLowerCase()}`);
        }
      }
    }
    return this.deliveries.enqueueAll(planned);
  }

  /** The consent subgraph's own outbox feeds the relay in process, a dispatch batch at a time. */
  sink(): EventSink {
    return {
      name: 'webhook-relay',
      deliver: async (event) => void (await this.relayAll([event])),
      deliverAll: async (events) => void (await this.relayAll(events)),
    };
  }
}
