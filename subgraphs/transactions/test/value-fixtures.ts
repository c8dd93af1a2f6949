import { randomUUID } from 'node:crypto';
import type { SubgraphHarness } from '@c360/shared/testing';
import { createValueService } from '../src/value-analysis';

export const DAY = 86_400_000;

/** An order written straight to the table: `daysAgo` before the reference date. */
export interface PastOrder {
  customerId: string;
  daysAgo: number;
  total: number;
  status?: 'COMPLETED' | 'REFUNDED' | 'CANCELLED';
}

export async function insertOrders(harness: SubgraphHarness, reference: Date, orders: PastOrder[]): Promise<void> {
  for (const order of orders) {
    const at = new Date(reference.getTime() - order.daysAgo * DAY).toISOString();
    await harness.dataSource.query(
      `INSERT INTO transactions.customer_order (id, customer_id, total, currency, channel, status, occurred_at, source_system, external_id, recorded_at)
       VALUES ($1, $2, $3, 'EUR', 'WEB', $4, $5, 'test', $6, $5)`,
      [randomUUID(), order.customerId, order.total, order.status ?? 'COMPLETED', at, `V-${randomUUID()}`],
    );
  }
}

/** Orders every `every` days from `from` days ago down to `to` days ago, each of `total`. */
export const everyDays = (customerId: string, from: number, to: number, every: number, total: number): PastOrder[] =>
  Array.from({ length: Math.floor((from - to) / every) + 1 }, (_, i) => ({ customerId, daysAgo: from - i * every, total }));

export const valueService = (harness: SubgraphHarness, windowDays = 365) => createValueService(harness.dataSource, { windowDays });

export const VALUE_FIELDS = `value {
  currency lifecycleStage churnRisk scoringWithheld refreshedAt
  rfm { windowDays recencyDays frequency monetary recencyScore frequencyScore monetaryScore segment scoresAsOf }
  lifetimeValue { orderCount historical averageOrderValue predicted }
}`;

export interface CustomerValue {
  currency: string | null;
  lifecycleStage: string | null;
  churnRisk: number | null;
  scoringWithheld: boolean;
  refreshedAt: string;
  rfm: {
    windowDays: number;
    recencyDays: number | null;
    frequency: number;
    monetary: number;
    recencyScore: number | null;
    frequencyScore: number | null;
    monetaryScore: number | null;
    segment: string | null;
    scoresAsOf: string | null;
  } | null;
  lifetimeValue: { orderCount: number; historical: number; averageOrderValue: number; predicted: number } | null;
}

const VALUES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id ${VALUE_FIELDS} } } }`;

/** Customer.value for these ids through `_entities`, as the gateway asks for it. */
export async function valuesOf(harness: SubgraphHarness, ids: string[]): Promise<CustomerValue[]> {
  const result = await harness.execute<{ _entities: { value: CustomerValue }[] }>(VALUES, { r: ids.map((id) => ({ __typename: 'Customer', id })) } as never);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!._entities.map((c) => c.value);
}

export const valueOf = async (harness: SubgraphHarness, id: string): Promise<CustomerValue> => (await valuesOf(harness, [id]))[0];
