import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { withClient } from '../dataset/database';

export interface BacklogDrain {
  /** order.recorded events written in one transaction, as one import batch writes them. */
  events: number;
  /** From their commit to the last one received by a JetStream consumer. */
  seconds: number;
  eventsPerSecond: number;
  /** Events the consumer did not receive within the time limit (a failure when not 0). */
  missing: number;
}

/**
 * How fast the outbox drains a backlog (what a bulk import leaves behind, or an outage of the stream):
 * `count` order.recorded events, one for the newest order of each of the `count` last-created customers
 * (seeded rows only: R9's own orders go to the first-created customers, so runs compare), are written
 * into the transactions outbox in one transaction, then the running dispatcher delivers them (NATS and
 * the webhook relay) while a JetStream consumer counts them in. One event per customer: this is the
 * dispatcher's throughput; a backlog with many events per customer drains slower, since each customer's
 * events go out one after the other and a claim passes over the ones still waiting their turn.
 */
export async function measureBacklogDrain(options: { databaseUrl: string; nc: NatsConnection; stream: string; subjectPrefix: string; count: number; timeoutMs: number }): Promise<BacklogDrain> {
  const { databaseUrl, nc, count } = options;
  const consumer = await jetstream(nc).consumers.get(options.stream, { filter_subjects: `${options.subjectPrefix}.order.recorded`, deliver_policy: DeliverPolicy.New });
  const messages = await consumer.consume();
  const expected = new Set<string>();
  let received = 0;
  let lastAt = 0;
  let committedAt = 0;
  const receiving = (async () => {
    for await (const m of messages) {
      if (expected.has((m.json() as { id: string }).id)) {
        received++;
        lastAt = performance.now();
        if (received >= count) break;
      }
    }
  })();
  // Every id is known before the commit, so no message can arrive before it is expected.
  const ids = await withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `INSERT INTO transactions.outbox (id, type, version, occurred_at, customer_id, payload)
       SELECT gen_random_uuid(), 'order.recorded', 1, now(), o.customer_id, jsonb_build_object('orderId', o.id, 'status', o.status)
       FROM (SELECT DISTINCT ON (customer_id) id, customer_id, status FROM transactions.customer_order
             WHERE customer_id IN (SELECT id FROM customers.customer ORDER BY created_at DESC, id LIMIT $1)
             ORDER BY customer_id, occurred_at DESC, id) o
       RETURNING id`,
      [count],
    );
    for (const row of rows as { id: string }[]) expected.add(row.id);
    await client.query('COMMIT');
    committedAt = performance.now();
    return rows.length;
  });
  const deadline = committedAt + options.timeoutMs;
  while (received < ids && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await messages.close();
  await receiving.catch(() => undefined);
  const seconds = ((lastAt || performance.now()) - committedAt) / 1000;
  return { events: ids, seconds, eventsPerSecond: received / seconds, missing: ids - received };
}
