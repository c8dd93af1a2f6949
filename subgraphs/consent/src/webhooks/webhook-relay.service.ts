import type { EventEnvelope, EventSink } from '@c360/shared';
import type { WebhookDeliveryRepository } from './webhook-delivery.repository';
import type { WebhookSubscriptionRepository } from './webhook-subscription.repository';
import type { PartnerDeliveryGate } from './partner-delivery.gate';

/**
 * Plans the webhook deliveries of one event (from any subgraph's outbox): every enabled subscription
 * to its type, internal ones as they are, a partner's only when the partner relay rule lets it through.
 * Stores them in the delivery outbox; the delivery worker sends them.
 */
export class WebhookRelay {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly gate: PartnerDeliveryGate,
  ) {}

  async relay(event: EventEnvelope): Promise<number> {
    const chosen: string[] = [];
    for (const subscription of await this.subscriptions.subscribedTo(event.type)) {
      if (subscription.partnerId === null) {
        chosen.push(subscription.id);
        continue;
      }
      const plan = await this.gate.plan(event, subscription.partnerId, subscription.id, (customerId) => this.deliveries.holdsDataFor(subscription.id, customerId));
      if (plan.deliver) chosen.push(subscription.id);
    }
    return this.deliveries.enqueue(chosen, event);
  }

  /** The consent subgraph's own outbox feeds the relay in process. */
  sink(): EventSink {
    return { name: 'webhook-relay', deliver: async (event) => void (await this.relay(event)) };
  }
}
