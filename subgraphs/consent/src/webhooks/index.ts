import type { DataSource } from 'typeorm';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ConsentDecider } from '@c360/shared';
import type { DisclosureLedger } from '../disclosure/disclosure.service';
import type { DisclosureRepository } from '../disclosure/disclosure.repository';
import { PartnerDeliveryGate } from './partner-delivery.gate';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDeliveryResolver } from './webhook-delivery.resolver';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookRelay } from './webhook-relay.service';
import { WebhookRelayResolver } from './webhook-relay.resolver';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';
import { WebhookSubscriptionResolver } from './webhook-subscription.resolver';
import { WebhookSubscriptionService } from './webhook-subscription.service';
import type { WebhookSettings } from './webhook.settings';

export interface WebhookOptions {
  decisions: ConsentDecider;
  disclosures: DisclosureRepository;
  ledger: DisclosureLedger;
  settings: WebhookSettings;
  log?: (line: string) => void;
}

/**
 * Webhooks, wired for one data source: subscription management, the relay every outbox feeds, the
 * delivery worker (started and stopped with the server), and staff's dead letters.
 */
export function createWebhooks(dataSource: DataSource, options: WebhookOptions) {
  const subscriptions = new WebhookSubscriptionRepository(dataSource);
  const deliveries = new WebhookDeliveryRepository(dataSource);
  const gate = new PartnerDeliveryGate(options.decisions, options.disclosures, options.ledger);
  const relay = new WebhookRelay(subscriptions, deliveries, gate);
  const worker = new WebhookDeliveryWorker(deliveries, subscriptions, gate, options.settings, options.log ?? ((line) => process.stdout.write(`${line}\n`)));
  const plugin: ApolloServerPlugin<any> = { // eslint-disable-line @typescript-eslint/no-explicit-any
    async serverWillStart() {
      // Schema tooling builds the app without a database: nothing to deliver then.
      if (dataSource.isInitialized) worker.start();
      return { serverWillStop: () => worker.stop() };
    },
  };
  return {
    resolvers: [new WebhookSubscriptionResolver(new WebhookSubscriptionService(subscriptions, { allowPrivate: options.settings.allowPrivate })), new WebhookRelayResolver(relay), new WebhookDeliveryResolver(deliveries)],
    plugin,
    eventSink: relay.sink(),
    worker,
    deliveries,
  };
}
