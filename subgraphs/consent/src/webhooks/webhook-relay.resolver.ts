import { Arg, Directive, Int, Mutation, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { assertUuid, badInput, EVENT_RELAY_SCOPE, EVENT_TYPES, RequiresScope, uncounted, type EventEnvelope } from '@c360/shared';
import type { WebhookRelay } from './webhook-relay.service';

/** The largest outbox batch (EVENTS_BATCH_SIZE's maximum). */
export const MAX_RELAY_BATCH = 10_000;

/** The other subgraphs' outbox dispatchers hand their events to the webhook relay here (signed peer calls only). */
@Resolver()
export class WebhookRelayResolver {
  constructor(private readonly relay: WebhookRelay) {}

  @Mutation(() => Int, { description: 'Internal: plans the webhook deliveries of one outbox event; idempotent per event; answers how many (privacy:admin)' })
  @Directive('@inaccessible')
  @RequiresScope(EVENT_RELAY_SCOPE)
  async relayEvent(@Arg('event', () => GraphQLJSONObject) event: Record<string, unknown>): Promise<number> {
    const envelope = envelopeFrom(event);
    // Background work of the outboxes, not a client's request: not counted against any request's statements.
    return uncounted(() => this.relay.relay(envelope));
  }

  @Mutation(() => Int, { description: `Internal: plans the webhook deliveries of a dispatch batch of outbox events, in order (at most ${MAX_RELAY_BATCH}); idempotent per event; answers how many (privacy:admin)` })
  @Directive('@inaccessible')
  @RequiresScope(EVENT_RELAY_SCOPE)
  async relayEvents(@Arg('events', () => [GraphQLJSONObject]) events: Record<string, unknown>[]): Promise<number> {
    if (events.length > MAX_RELAY_BATCH) throw badInput(`"events" may hold at most ${MAX_RELAY_BATCH}`, { argument: 'events' });
    const envelopes = events.map((event) => envelopeFrom(event));
    return uncounted(() => this.relay.relayAll(envelopes));
  }
}

function envelopeFrom(raw: Record<string, unknown>): EventEnvelope {
  const { id, type, version, occurredAt, customerId, payload } = raw;
  if (typeof type !== 'string' || !(EVENT_TYPES as string[]).includes(type)) throw badInput('event.type must be a known event type', { argument: 'event' });
  if (typeof version !== 'number' || !Number.isInteger(version)) throw badInput('event.version must be an integer', { argument: 'event' });
  if (typeof occurredAt !== 'string' || Number.isNaN(Date.parse(occurredAt))) throw badInput('event.occurredAt must be a time', { argument: 'event' });
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw badInput('event.payload must be an object', { argument: 'event' });
  return {
    id: assertUuid(String(id), 'event.id'),
    type: type as EventEnvelope['type'],
    version,
    occurredAt,
    customerId: customerId === null || customerId === undefined ? null : assertUuid(String(customerId), 'event.customerId'),
    payload: payload as Record<string, unknown>,
  };
}
