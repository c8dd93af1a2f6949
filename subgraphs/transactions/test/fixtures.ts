import { randomUUID } from 'node:crypto';
import { demoProducts, type DemoOptions } from '@c360/shared';
import { startSubgraphHarness, type GraphQLResult, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';

export const DEMO: DemoOptions = { seed: 7, customers: 50 };
export const CATALOGUE = demoProducts(DEMO);
export const inStockProducts = CATALOGUE.filter((p) => p.stockLevel >= 100);
export const soldOutProducts = CATALOGUE.filter((p) => p.stockLevel === 0);

/** A harness whose catalogue and order history are the small demo data set. */
export async function startSeededHarness(): Promise<SubgraphHarness> {
  const harness = await startSubgraphHarness(transactionsSubgraph);
  await transactionsSubgraph.seedDemoData!(harness.dataSource, DEMO);
  return harness;
}

export const RECORD = `mutation Record($input: RecordOrderInput!) {
  recordOrder(input: $input) { id total currency channel status occurredAt sourceSystem externalId customer { id } lines { sku quantity unitPrice lineTotal } }
}`;

export interface RecordedOrder {
  id: string;
  total: number;
  currency: string;
  channel: string;
  status: string;
  occurredAt: string;
  sourceSystem: string;
  externalId: string;
  customer: { id: string };
  lines: { sku: string; quantity: number; unitPrice: number; lineTotal: number }[];
}

export interface OrderInput {
  customerId: string;
  sourceSystem: string;
  externalId: string;
  channel: string;
  currency: string;
  occurredAt?: string;
  lines: { sku: string; quantity: number; unitPrice?: number }[];
}

/** An order input with a fresh idempotency key; override what the test is about. */
export const orderInput = (overrides: Partial<OrderInput> = {}): OrderInput => ({
  customerId: randomUUID(),
  sourceSystem: 'webshop',
  externalId: `T-${randomUUID()}`,
  channel: 'WEB',
  currency: 'EUR',
  lines: [{ sku: inStockProducts[0].sku, quantity: 1 }],
  ...overrides,
});

export const recordOrder = (harness: SubgraphHarness, input: OrderInput): Promise<GraphQLResult<{ recordOrder: RecordedOrder }>> =>
  harness.execute(RECORD, { input } as never);

export async function stockOf(harness: SubgraphHarness, sku: string): Promise<number> {
  const [row] = await harness.dataSource.query('SELECT stock_level FROM transactions.product WHERE sku = $1', [sku]);
  return row.stock_level as number;
}

export async function orderRowCount(harness: SubgraphHarness): Promise<{ orders: number; lines: number }> {
  const [row] = await harness.dataSource.query(
    'SELECT (SELECT count(*)::int FROM transactions.customer_order) AS orders, (SELECT count(*)::int FROM transactions.order_line) AS lines',
  );
  return row as { orders: number; lines: number };
}
