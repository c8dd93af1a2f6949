import { Arg, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, RequiresScope } from '@c360/shared';
import { PRIVACY_ADMIN_SCOPE } from '../disclosure/disclosure.service';
import type { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDeliveryDeadLetterType } from './webhook-subscription.type';

const MAX_PAGE = 500;

/** Staff view of webhook deliveries that failed every attempt, and their replay (with the same webhook-id). */
@Resolver()
export class WebhookDeliveryResolver {
  constructor(private readonly deliveries: WebhookDeliveryRepository) {}

  @Query(() => [WebhookDeliveryDeadLetterType], { description: 'Webhook deliveries that failed every attempt, oldest first (privacy:admin)' })
  @RequiresScope(PRIVACY_ADMIN_SCOPE)
  async webhookDeliveryDeadLetters(@Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<WebhookDeliveryDeadLetterType[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`"first" must be between 1 and ${MAX_PAGE}`, { argument: 'first' });
    return (await this.deliveries.deadLetters(first)).map((row) => ({
      id: String(row.seq),
      subscriptionId: row.subscriptionId,
      eventId: row.event.id,
      type: row.event.type,
      customerId: row.event.customerId ?? null,
      payload: row.event.payload,
      attempts: row.attempts,
      lastError: row.lastError,
    }));
  }

  @Mutation(() => Int, { description: 'Puts dead webhook deliveries back in line with fresh attempts (all when ids is omitted); answers how many (privacy:admin)' })
  @RequiresScope(PRIVACY_ADMIN_SCOPE)
  async replayWebhookDeliveries(@Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null): Promise<number> {
    if (ids && ids.length > MAX_PAGE) throw badInput(`"ids" may hold at most ${MAX_PAGE}`, { argument: 'ids' });
    const seqs = ids?.map((id, i) => {
      if (!/^[1-9][0-9]{0,15}$/.test(id)) throw badInput(`ids[${i}] is not a delivery id`, { argument: `ids[${i}]` });
      return Number(id);
    });
    return this.deliveries.replay(seqs ?? null);
  }
}
