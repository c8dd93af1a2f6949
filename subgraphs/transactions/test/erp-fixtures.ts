import { randomUUID } from 'node:crypto';
import { CallerKind, type Caller } from '@c360/shared';
import { internalCaller, type GraphQLResult, type SubgraphHarness } from '@c360/shared/testing';

/** An ERP integration as the gateway forwards it with its default scopes. */
export const erpCaller = (): Caller =>
  internalCaller({ clientId: 'test-erp', kind: CallerKind.ERP_INTEGRATION, scopes: ['customers:read', 'customers:write', 'orders:read', 'orders:write', 'catalogue:write', 'stock:write'] });

export interface ProductInput {
  sku: string;
  name: string;
  category: string;
  price: number;
  currency: string;
  active?: boolean;
}

/** A product of its own for each test: stock assertions never see another test's writes. */
export const newProduct = (overrides: Partial<ProductInput> = {}): ProductInput => ({
  sku: `ERP-${randomUUID().slice(0, 8)}`,
  name: 'Trail lantern',
  category: 'Outdoor',
  price: 24.5,
  currency: 'EUR',
  ...overrides,
});

export interface UpsertResult {
  upsertProducts: { created: number; updated: number; unchanged: number; products: { sku: string; change: string }[] };
}
export const upsertProducts = (harness: SubgraphHarness, inputs: ProductInput[], caller = erpCaller()): Promise<GraphQLResult<UpsertResult>> =>
  harness.execute(`mutation($inputs: [ProductUpsertInput!]!) { upsertProducts(inputs: $inputs) { created updated unchanged products { sku change } } }`, { inputs } as never, caller);

export interface SnapshotResult {
  setStockLevels: { snapshotId: string; asOf: string; replayed: boolean; levels: number; applied: number; staleSkus: string[] };
}
export const setStockLevels = (harness: SubgraphHarness, snapshotId: string, asOf: string, levels: { sku: string; level: number }[]): Promise<GraphQLResult<SnapshotResult>> =>
  harness.execute(
    `mutation($id: String!, $asOf: DateTimeISO!, $levels: [StockLevelInput!]!) { setStockLevels(snapshotId: $id, asOf: $asOf, levels: $levels) { snapshotId asOf replayed levels applied staleSkus } }`,
    { id: snapshotId, asOf, levels } as never,
    erpCaller(),
  );

export interface MovementInput {
  movementId: string;
  sku: string;
  delta: number;
  occurredAt: string;
}
export const adjustStock = (harness: SubgraphHarness, movements: MovementInput[]): Promise<GraphQLResult<{ adjustStock: { recorded: number; replayed: number } }>> =>
  harness.execute(`mutation($m: [StockMovementInput!]!) { adjustStock(movements: $m) { recorded replayed } }`, { m: movements } as never, erpCaller());

export interface StockView {
  stockLevel: number;
  stockBalance: number;
  stockAsOf: string | null;
  inStock: boolean;
  active: boolean;
}
export async function stockView(harness: SubgraphHarness, sku: string): Promise<StockView> {
  const result = await harness.execute<{ product: StockView }>(`query($sku: String!) { product(sku: $sku) { stockLevel stockBalance stockAsOf inStock active } }`, { sku } as never);
  return result.data!.product;
}

/** A time `minutes` before now, as ISO text. */
export const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
