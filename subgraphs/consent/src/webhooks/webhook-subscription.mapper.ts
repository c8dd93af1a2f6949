import type { WebhookSubscriptionRow } from './webhook-subscription.service';
import type { WebhookSubscriptionType } from './webhook-subscription.type';

/** The public view: never the stored secrets. */
export const toWebhookSubscriptionType = (row: WebhookSubscriptionRow): WebhookSubscriptionType => ({
  id: row.id,
  partnerId: row.partnerId,
  url: row.url,
  eventTypes: row.eventTypes,
  createdAt: row.createdAt,
  previousSecretValidUntil: row.previousUntil,
  disabledAt: row.disabledAt,
});
