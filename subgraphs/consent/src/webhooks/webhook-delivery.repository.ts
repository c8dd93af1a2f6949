import type { DataSource } from 'typeorm';
import { ERASURE_NOTICE, type EventEnvelope } from '@c360/shared';

export interface WebhookDeliveryRow {
  seq: number;
  subscriptionId: string;
  event: EventEnvelope;
  attempts: number;
  lastError: string | null;
  disclosed: boolean;
}

interface RawRow {
  seq: string | number;
  subscription_id: string;
  event: EventEnvelope | string;
  attempts: number;
  last_error: string | null;
  disclosed_at: Date | string | null;
}

const COLUMNS = 'seq, subscription_id, event, attempts, last_error, disclosed_at';
const toRow = (raw: RawRow): WebhookDeliveryRow => ({
  seq: Number(raw.seq),
  subscriptionId: raw.subscription_id,
  event: typeof raw.event === 'string' ? (JSON.parse(raw.event) as EventEnvelope) : raw.event,
  attempts: raw.attempts,
  lastError: raw.last_error,
  disclosed: raw.disclosed_at !== null,
});

/** All SQL of the webhook delivery outbox (consent.webhook_delivery): one row per event and subscription. */
export class WebhookDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent per (subscription, event): a relayed event that arrives twice is stored once. */
  async enqueue(subscriptionIds: string[], event: EventEnvelope): Promise<number> {
    return this.enqueueAll(subscriptionIds.map((subscriptionId) => ({ subscriptionId, event })));
  }

  /**
   * Many deliveries in one statement, stored in the given order (the worker sends a subscription's
   * deliveries about a customer in that order); each with the event as that subscription receives it.
   * Idempotent per (subscription, event).
   */
  async enqueueAll(deliveries: { subscriptionId: string; event: EventEnvelope }[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    await this.dataSource.query(
      `INSERT INTO consent.webhook_delivery (subscription_id, event_id, event_type, customer_id, event)
       SELECT (d.value->>'s')::uuid, (d.value->'e'->>'id')::uuid, d.value->'e'->>'type', (d.value->'e'->>'customerId')::uuid, d.value->'e'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS d(value, n)
       ORDER BY d.n
       ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      [JSON.stringify(deliveries.map((d) => ({ s: d.subscriptionId, e: { ...d.event, customerId: d.event.customerId ?? null } })))],
    );
    return deliveries.length;
  }

  /**
   * Claims due deliveries for `leaseMs` (SKIP LOCKED, then the lease), counting the attempt; a delivery
   * about a customer only once the subscription's earlier ones about that customer are delivered or dead,
   * so a deletion notice never overtakes the data it asks to delete. The longest-due first, in the order of
   * the due index, so a claim reads `limit` rows rather than the whole backlog (see the event outbox's claim).
   */
  async claim(limit: number, leaseMs: number): Promise<WebhookDeliveryRow[]> {
    const rows = (await this.dataSource.query(
      `WITH claimed AS (UPDATE consent.webhook_delivery d SET next_attempt_at = now() + ($2::int * interval '1 millisecond'), attempts = d.attempts + 1
       WHERE d.seq IN (
         SELECT c.seq FROM consent.webhook_delivery c
         WHERE c.delivered_at IS NULL AND NOT c.dead AND c.next_attempt_at <= now()
           AND NOT EXISTS (
             SELECT 1 FROM consent.webhook_delivery e
             WHERE c.customer_id IS NOT NULL AND e.customer_id = c.customer_id AND e.subscription_id = c.subscription_id
               AND e.seq < c.seq AND e.delivered_at IS NULL AND NOT e.dead)
         ORDER BY c.next_attempt_at, c.seq LIMIT $1
         FOR UPDATE SKIP LOCKED)
       RETURNING d.seq, d.subscription_id, d.event, d.attempts, d.last_error, d.disclosed_at) SELECT * FROM claimed`,
      [limit, leaseMs],
    )) as RawRow[];
    return rows.map(toRow).sort((a, b) => a.seq - b.seq);
  }

  async markDisclosed(seq: number): Promise<void> {
    await this.dataSource.query(`UPDATE consent.webhook_delivery SET disclosed_at = now() WHERE seq = $1`, [seq]);
  }

  async markDelivered(seqs: number[]): Promise<void> {
    if (seqs.length === 0) return;
    // A delivered erasure notice keeps no trace of whom it was about (as in the event outboxes).
    await this.dataSource.query(
      `UPDATE consent.webhook_delivery SET delivered_at = now(), last_error = NULL,
         customer_id = CASE WHEN event_type = $2 THEN NULL ELSE customer_id END,
         event = CASE WHEN event_type = $2 THEN '{}'::jsonb ELSE event END
       WHERE seq = ANY($1::bigint[])`,
      [seqs, ERASURE_NOTICE],
    );
  }

  /** Deliveries that may no longer go out (consent withdrawn since, subscription disabled): gone without a trace. */
  async drop(seqs: number[]): Promise<void> {
    if (seqs.length === 0) return;
    await this.dataSource.query(`DELETE FROM consent.webhook_delivery WHERE seq = ANY($1::bigint[])`, [seqs]);
  }

  async markFailed(seq: number, error: string, retryInMs: number | null): Promise<void> {
    if (retryInMs === null) await this.dataSource.query(`UPDATE consent.webhook_delivery SET last_error = $2, dead = true WHERE seq = $1`, [seq, error]);
    else await this.dataSource.query(`UPDATE consent.webhook_delivery SET last_error = $2, next_attempt_at = now() + ($3::int * interval '1 millisecond') WHERE seq = $1`, [seq, error, retryInMs]);
  }

  /** Which of these ids a data delivery to this subscription is waiting or went out about (a later deletion notice must follow it). */
  async holdsDataFor(subscriptionId: string, customerIds: readonly string[]): Promise<string[]> {
    if (customerIds.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT customer_id::text AS id FROM consent.webhook_delivery
        WHERE subscription_id = $1 AND customer_id = ANY($2::uuid[]) AND NOT dead AND event_type NOT IN ('consent.withdrawn', 'customer.erased')`,
      [subscriptionId, [...customerIds]],
    );
    const held = new Set(rows.map((r) => r.id));
    return customerIds.filter((id) => held.has(id.toLowerCase()));
  }

  async deadLetters(limit: number): Promise<WebhookDeliveryRow[]> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM consent.webhook_delivery WHERE dead ORDER BY seq LIMIT $1`, [limit])) as RawRow[];
    return rows.map(toRow);
  }

  /** Puts dead deliveries back in line with fresh attempts (all when `seqs` is null); answers how many. */
  async replay(seqs: number[] | null): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `WITH replayed AS (UPDATE consent.webhook_delivery SET dead = false, attempts = 0, next_attempt_at = now() WHERE dead ${seqs ? 'AND seq = ANY($1::bigint[])' : ''} RETURNING 1)
       SELECT count(*)::int AS n FROM replayed`,
      seqs ? [seqs] : [],
    )) as { n: number }[];
    return n;
  }

  /** Erasure: nothing about the customer stays here but erasure notices still to send. */
  async purgeCustomer(customerIds: readonly string[]): Promise<number> {
    if (customerIds.length === 0) return 0;
    const result: unknown = await this.dataSource.query(`DELETE FROM consent.webhook_delivery WHERE customer_id = ANY($1::uuid[]) AND NOT (event_type = $2 AND delivered_at IS NULL)`, [customerIds, ERASURE_NOTICE]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
