import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { EventEnvelope } from './event-envelope';
import type { EventSink } from './event-sink';

export const EVENT_SUBJECT_PREFIX = 'c360.events';

/** One subject per event type: c360.events.customer.created, c360.events.order.recorded, ... */
export function subjectOf(type: string, prefix = EVENT_SUBJECT_PREFIX): string {
  return `${prefix}.${type}`;
}

export interface NatsSinkOptions {
  url: string;
  stream: string;
  /** Subjects are `<prefix>.<event type>`; the stream holds `<prefix>.>`. */
  subjectPrefix?: string;
  /** How long JetStream remembers a message id to drop a re-publication (default 2 minutes). */
  duplicateWindowMs?: number;
}

/**
 * Publishes to a JetStream stream over every event subject, with the event id as the message id:
 * JetStream drops a re-publication within the stream's duplicate window, so a retried delivery
 * stays one message. Connects lazily (and again after a failure); the stream is created if missing.
 */
export function natsSink({ url, stream, subjectPrefix = EVENT_SUBJECT_PREFIX, duplicateWindowMs = 120_000 }: NatsSinkOptions): EventSink {
  let connection: Promise<{ nc: NatsConnection; js: JetStreamClient }> | null = null;
  const open = async () => {
    const nc = await connect({ servers: url, name: 'c360-outbox', maxReconnectAttempts: -1 });
    const jsm = await jetstreamManager(nc);
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add({ name: stream, subjects: [`${subjectPrefix}.>`], duplicate_window: duplicateWindowMs * 1_000_000 });
    }
    return { nc, js: jetstream(nc) };
  };
  const client = async (): Promise<JetStreamClient> => {
    connection ??= open();
    try {
      return (await connection).js;
    } catch (error) {
      connection = null;
      throw error;
    }
  };
  const publish = (js: JetStreamClient, event: EventEnvelope) => js.publish(subjectOf(event.type, subjectPrefix), JSON.stringify(event), { msgID: event.id });
  return {
    name: 'nats',
    async deliver(event: EventEnvelope) {
      await publish(await client(), event);
    },
    /**
     * A dispatch batch pipelined on the one connection: every publication is sent before the first
     * acknowledgement is awaited, instead of a round trip per event. A batch holds at most one event per
     * customer, so the order per customer is kept; if any publication fails the dispatcher retries the
     * events one by one, and the ones already stored are dropped by JetStream as duplicates of their id.
     */
    async deliverAll(events: EventEnvelope[]) {
      const js = await client();
      await Promise.all(events.map((event) => publish(js, event)));
    },
    async close() {
      if (!connection) return;
      const pending = connection;
      connection = null;
      const { nc } = await pending.catch(() => ({ nc: null }));
      await nc?.drain().catch(() => undefined);
    },
  };
}
