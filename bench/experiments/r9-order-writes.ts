import { groupCpuDelta, groupCpuMs, type ProcessGroup } from '../measure/proc-stats';
import { withClient } from '../dataset/database';
import type { Target } from '../load/graphql-target';
import { median } from '../load/stats';

/** The fields a recorded order answers with that follow from its input alone (not its id or externalId), so two sides can be compared. */
const RECORD_ORDER = `mutation R9($input: RecordOrderInput!) { recordOrder(input: $input) { currency status total channel sourceSystem occurredAt lines { sku quantity } } }`;
const RECORD_ORDER_WITH_ID = `mutation R9($input: RecordOrderInput!) { recordOrder(input: $input) { id } }`;

export interface OrderPlan {
  customerId: string;
  sku: string;
  currency: string;
  quantity: number;
  occurredAt: string;
}

export interface OrderBatchResult {
  target: string;
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  latencyMs: { p50: number; p99: number };
  cpuMsPerOrder: Record<string, number>;
  /** Responses in plan order (the ratio compares them side against side). */
  bodies: string[];
  failures: number;
  firstFailure?: string;
}

/**
 * The same orders for both sides: plan i names the same customer, product, quantity and time
 * (so the same price) on every side and round; only the externalId differs, or the second side
 * would be answered with the first side's order (recordOrder is idempotent per externalId).
 */
export async function planOrders(databaseUrl: string, count: number): Promise<OrderPlan[]> {
  return withClient(databaseUrl, async (client) => {
    const customers = (await client.query(`SELECT id FROM customers.customer ORDER BY created_at, id LIMIT $1`, [count])).rows as { id: string }[];
    const products = (await client.query(`SELECT sku, currency FROM transactions.product ORDER BY sku LIMIT 20`)).rows as { sku: string; currency: string }[];
    if (!customers.length || !products.length) throw new Error('R9: the data set has no customers or products');
    const base = Date.now() - 3_600_000;
    return Array.from({ length: count }, (_, i) => {
      const product = products[i % products.length];
      return { customerId: customers[i % customers.length].id, sku: product.sku, currency: product.currency, quantity: 1 + (i % 3), occurredAt: new Date(base + i * 1000).toISOString() };
    });
  });
}

const inputOf = (plan: OrderPlan, externalId: string) => ({
  customerId: plan.customerId,
  sourceSystem: 'bench-r9',
  externalId,
  channel: 'WEB',
  occurredAt: plan.occurredAt,
  currency: plan.currency,
  lines: [{ sku: plan.sku, quantity: plan.quantity }],
});

/**
 * Records every planned order through the target, `connections` at a time, and measures wall
 * time, latency and the CPU of the given process groups per order (until `settle` resolves). `keyPrefix` makes the
 * externalIds of this batch unique.
 */
export async function recordOrders(
  target: Target,
  plans: OrderPlan[],
  keyPrefix: string,
  connections: number,
  groups: ProcessGroup[],
  withId = false,
  /** Awaited after the last answer and before the CPU is read: work the writes left behind (the outbox's deliveries) counts too. */
  settle: () => Promise<unknown> = async () => undefined,
): Promise<OrderBatchResult & { sentAt: number[]; answeredAt: number[] }> {
  const bodies: string[] = new Array(plans.length);
  const latencies: number[] = [];
  const sentAt: number[] = new Array(plans.length);
  const answeredAt: number[] = new Array(plans.length);
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const before = await Promise.all(groups.map(groupCpuMs));
  const watches = await Promise.all(groups.map((g) => g.watch?.()));
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < plans.length; i = next++) {
      const body = JSON.stringify({ query: withId ? RECORD_ORDER_WITH_ID : RECORD_ORDER, variables: { input: inputOf(plans[i], `${keyPrefix}-${i}`) } });
      sentAt[i] = performance.now();
      try {
        const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body });
        const text = await response.text();
        answeredAt[i] = performance.now();
        latencies.push(answeredAt[i] - sentAt[i]);
        bodies[i] = text;
        if (response.status !== 200 || text.includes('"errors"')) {
          failures++;
          firstFailure ??= `HTTP ${response.status}: ${text.slice(0, 300)}`;
        }
      } catch (error) {
        failures++;
        firstFailure ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  await settle();
  const after = await Promise.all(groups.map(groupCpuMs));
  const watched = watches.map((w) => w?.stop() ?? 0);
  const cpuMsPerOrder: Record<string, number> = {};
  groups.forEach((group, i) => (cpuMsPerOrder[group.name] = (groupCpuDelta(before[i], after[i]) + watched[i]) / plans.length));
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    target: target.name,
    orders: plans.length,
    seconds,
    ordersPerSecond: plans.length / seconds,
    latencyMs: { p50: median(sorted), p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN },
    cpuMsPerOrder,
    bodies,
    failures,
    firstFailure,
    sentAt,
    answeredAt,
  };
}
