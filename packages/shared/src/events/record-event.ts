import type { EntityManager } from 'typeorm';
import { envelopeOf, type EventEnvelope, type NewEvent } from './event-envelope';
import { outboxRecording } from './outbox-switch';

/** The schema the manager's data source owns: each subgraph's outbox lives in its own schema. */
export function outboxTableOf(manager: Pick<EntityManager, 'connection'>): string {
  const schema = (manager.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_]+$/.test(schema)) throw new Error('outbox: the data source has no schema of its own');
  return `"${schema}".outbox`;
}

/**
 * Writes an event to this subgraph's outbox. Call it with the manager of the transaction that
 * makes the change: the event commits with the change or not at all, and the dispatcher delivers it.
 */
export async function recordEvent(manager: EntityManager, event: NewEvent): Promise<EventEnvelope> {
  const envelope = envelopeOf(event);
  if (!outboxRecording()) return envelope;
  await manager.query(
    `INSERT INTO ${outboxTableOf(manager)} (id, type, version, occurred_at, customer_id, payload, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, greatest(now(), $7::timestamptz))`,
    [envelope.id, envelope.type, envelope.version, envelope.occurredAt, envelope.customerId, JSON.stringify(envelope.payload), event.notBefore ?? null],
  );
  return envelope;
}

/** Several events in one statement (bulk paths), in the given order. */
export async function recordEvents(manager: EntityManager, events: NewEvent[]): Promise<void> {
  if (events.length === 0 || !outboxRecording()) return;
  const envelopes = events.map((event) => envelopeOf(event));
  const values: unknown[] = [];
  const rows = envelopes.map((e, i) => {
    values.push(e.id, e.type, e.version, e.occurredAt, e.customerId, JSON.stringify(e.payload));
    const b = i * 6;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
  });
  await manager.query(`INSERT INTO ${outboxTableOf(manager)} (id, type, version, occurred_at, customer_id, payload) VALUES ${rows.join(', ')}`, values);
}
