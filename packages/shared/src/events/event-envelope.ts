import { randomUUID } from 'node:crypto';

/**
 * The domain events the platform publishes, each with the schema version its payload follows
 * (schema/events/<type>.v<version>.json). A payload change that breaks consumers gets a new version.
 */
export const EVENT_VERSIONS = {
  'customer.created': 1,
  'customer.updated': 1,
  'customer.erased': 1,
  'customer.merged': 1,
  'customer.unmerged': 1,
  'segment.entered': 1,
  'segment.exited': 1,
  'consent.granted': 1,
  'consent.withdrawn': 1,
  'consent.denied': 1,
  'partner.deactivated': 1,
  'partner.reactivated': 1,
  'order.recorded': 1,
  'order.status_changed': 1,
  'stock.level_changed': 1,
  'offer.response_recorded': 1,
  'offer.picked': 1,
  'subject_request.completed': 1,
} as const;

export type EventType = keyof typeof EVENT_VERSIONS;
export const EVENT_TYPES = Object.keys(EVENT_VERSIONS) as EventType[];

/** What every event carries, whichever subgraph wrote it and whichever sink delivers it. */
export interface EventEnvelope {
  /** uuid; consumers de-duplicate on it (at-least-once delivery). */
  id: string;
  type: EventType;
  version: number;
  /** ISO-8601, when the change committed (the transaction's clock). */
  occurredAt: string;
  /** The customer the event is about, when there is one; events of one customer are delivered in order. */
  customerId?: string | null;
  payload: Record<string, unknown>;
}

/** What a write path passes: the rest of the envelope is filled in. */
export interface NewEvent {
  type: EventType;
  customerId?: string | null;
  payload: Record<string, unknown>;
  occurredAt?: Date;
  /** Not delivered before this time (an erasure notice waits out the delivery of data it replaced; see purgeCustomerEvents). */
  notBefore?: Date | null;
}

export function envelopeOf(event: NewEvent, now = new Date()): EventEnvelope {
  return {
    id: randomUUID(),
    type: event.type,
    version: EVENT_VERSIONS[event.type],
    occurredAt: (event.occurredAt ?? now).toISOString(),
    customerId: event.customerId ?? null,
    payload: event.payload,
  };
}
