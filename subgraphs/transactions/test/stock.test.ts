import { randomUUID } from 'node:crypto';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { adjustStock, minutesAgo, newProduct, setStockLevels, stockView, upsertProducts } from './erp-fixtures';
import { orderInput, recordOrder } from './fixtures';

// The stock model: available = last ERP level as of T + ledger entries (movements, sales, cancellations) dated after T.
describe(`ERP stock levels and movements on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    // No demo data: what an ERP finds on a `--no-demo` start.
    harness = await startSubgraphHarness(transactionsSubgraph);
  });
  afterAll(() => harness.close());

  async function product(): Promise<string> {
    const p = newProduct();
    expect((await upsertProducts(harness, [p])).errors).toBeUndefined();
    return p.sku;
  }
  const sell = async (sku: string, quantity: number, occurredAt?: string) => {
    const r = await recordOrder(harness, orderInput({ lines: [{ sku, quantity }], ...(occurredAt ? { occurredAt } : {}) }));
    expect(r.errors).toBeUndefined();
    return r.data!.recordOrder.id;
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
  const level = async (sku: string) => (await stockView(harness, sku)).stockBalance;
  const snapshot = async (sku: string, asOf: string, value: number) => {
    const r = await setStockLevels(harness, `snap-${randomUUID()}`, asOf, [{ sku, level: value }]);
    expect(r.errors).toBeUndefined();
    return r.data!.setStockLevels;
  };

  it('feeds an empty platform: a new product has no stock until the ERP counts it, then orders take from that count', async () => {
    const sku = await product();
    expect(await stockView(harness, sku)).toMatchObject({ stockLevel: 0, stockAsOf: null, inStock: false, active: true });
    const asOf = minutesAgo(60);
    await snapshot(sku, asOf, 10);
    expect(await stockView(harness, sku)).toMatchObject({ stockLevel: 10, stockBalance: 10, stockAsOf: asOf, inStock: true });
    await sell(sku, 3);
    expect(await level(sku)).toBe(7);
  });

  it('leaves current stock alone for a late order dated before the latest snapshot', async () => {
    const sku = await product();
    await snapshot(sku, minutesAgo(60), 10);
    await sell(sku, 4, minutesAgo(120));
    await sell(sku, 1, '2025-03-01T10:00:00.000Z');
    expect(await level(sku)).toBe(10);
    await sell(sku, 2, minutesAgo(30));
    expect(await level(sku)).toBe(8);
  });

  it('subtracts the CRM sales recorded after the time a snapshot was counted, even when the snapshot arrives after them', async () => {
    const sku = await product();
    await snapshot(sku, minutesAgo(300), 50);
    await sell(sku, 2, minutesAgo(200));
    await sell(sku, 5, minutesAgo(100));
    await sell(sku, 1, minutesAgo(10));
    // Counted 150 minutes ago: the sale 200 minutes ago is in the count, the two later ones are not.
    await snapshot(sku, minutesAgo(150), 30);
    expect(await level(sku)).toBe(30 - 5 - 1);
  });

  it('never lets an older snapshot overwrite a newer one, per sku, and says which skus it skipped', async () => {
    const [older, newer] = [await product(), await product()];
    await snapshot(newer, minutesAgo(60), 20);
    const r = await setStockLevels(harness, `snap-${randomUUID()}`, minutesAgo(120), [{ sku: newer, level: 99 }, { sku: older, level: 7 }]);
    expect(r.data?.setStockLevels).toMatchObject({ replayed: false, levels: 2, applied: 1, staleSkus: [newer] });
    expect(await level(newer)).toBe(20);
    expect(await level(older)).toBe(7);
    // Same time as the applied one: not newer, so not applied either.
    const same = await setStockLevels(harness, `snap-${randomUUID()}`, (await stockView(harness, newer)).stockAsOf!, [{ sku: newer, level: 1 }]);
    expect(same.data?.setStockLevels.applied).toBe(0);
    expect(await level(newer)).toBe(20);
  });

  it('treats a replayed snapshot id as done: it does not reset the level after later sales', async () => {
    const sku = await product();
    const id = `snap-${randomUUID()}`;
    const asOf = minutesAgo(60);
    expect((await setStockLevels(harness, id, asOf, [{ sku, level: 10 }])).data?.setStockLevels.applied).toBe(1);
    await sell(sku, 3);
    const replay = await setStockLevels(harness, id, asOf, [{ sku, level: 10 }]);
    expect(replay.errors).toBeUndefined();
    expect(replay.data?.setStockLevels).toMatchObject({ replayed: true, applied: 1, staleSkus: [] });
    expect(await level(sku)).toBe(7);
  });

  it('answers CONFLICT when a snapshot id comes back with other levels or another time, changing nothing', async () => {
    const sku = await product();
    const id = `snap-${randomUUID()}`;
    const asOf = minutesAgo(60);
    await setStockLevels(harness, id, asOf, [{ sku, level: 10 }]);
    const otherLevel = await setStockLevels(harness, id, asOf, [{ sku, level: 11 }]);
    expect(otherLevel.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'snapshotId' });
    const otherTime = await setStockLevels(harness, id, minutesAgo(30), [{ sku, level: 10 }]);
    expect(otherTime.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await level(sku)).toBe(10);
  });

  it('applies ERP movements after the snapshot once, by movement id, and ignores those the snapshot already counted', async () => {
    const sku = await product();
    await snapshot(sku, minutesAgo(60), 10);
    const received = { movementId: `mv-${randomUUID()}`, sku, delta: 25, occurredAt: minutesAgo(30) };
    const counted = { movementId: `mv-${randomUUID()}`, sku, delta: -4, occurredAt: minutesAgo(90) };
    expect((await adjustStock(harness, [received, counted])).data?.adjustStock).toEqual({ recorded: 2, replayed: 0 });
    expect(await level(sku)).toBe(35);
    expect((await adjustStock(harness, [received, counted])).data?.adjustStock).toEqual({ recorded: 0, replayed: 2 });
    expect(await level(sku)).toBe(35);
    // A newer snapshot counted before the movement still has it applied on top.
    await snapshot(sku, minutesAgo(45), 12);
    expect(await level(sku)).toBe(12 + 25);
  });

  it('refuses a movement id re-sent with other content with CONFLICT, writing none of the call', async () => {
    const sku = await product();
    await snapshot(sku, minutesAgo(60), 10);
    const first = { movementId: `mv-${randomUUID()}`, sku, delta: 5, occurredAt: minutesAgo(30) };
    await adjustStock(harness, [first]);
    const fresh = { movementId: `mv-${randomUUID()}`, sku, delta: 100, occurredAt: minutesAgo(20) };
    const r = await adjustStock(harness, [fresh, { ...first, delta: 6 }]);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'movements[1].movementId' });
    expect(await level(sku)).toBe(15);
    expect((await adjustStock(harness, [fresh])).data?.adjustStock.recorded).toBe(1);
  });

  it('puts a cancelled order back only when the snapshot had counted it as sold', async () => {
    const sku = await product();
    await snapshot(sku, minutesAgo(300), 100);
    const beforeCount = await sell(sku, 3, minutesAgo(200));
    const cancelledBeforeCount = await sell(sku, 4, minutesAgo(190));
    const cancel = (id: string) => harness.execute(`mutation($id: ID!) { setOrderStatus(id: $id, status: CANCELLED) { status } }`, { id } as never);
    expect((await cancel(cancelledBeforeCount)).errors).toBeUndefined();
    // The ERP counts after both the sale and the cancellation: both are in its count.
    await tick();
    await snapshot(sku, new Date().toISOString(), 50);
    await tick();
    expect(await level(sku)).toBe(50);
    // Cancelled after the count: the goods come back on top of it.
    await cancel(beforeCount);
    expect(await level(sku)).toBe(53);
    // Sold and cancelled after the count: nets to nothing.
    const afterCount = await sell(sku, 6);
    expect(await level(sku)).toBe(47);
    await cancel(afterCount);
    expect(await level(sku)).toBe(53);
    // Cancelling twice puts nothing back twice.
    await cancel(afterCount);
    expect(await level(sku)).toBe(53);
  });

  it('shows an oversold sku as stockLevel 0 with a negative balance, and the next count puts it right', async () => {
    const sku = await product();
    await snapshot(sku, minutesAgo(60), 2);
    await sell(sku, 5);
    expect(await stockView(harness, sku)).toMatchObject({ stockLevel: 0, stockBalance: -3, inStock: false });
    await snapshot(sku, new Date().toISOString(), 4);
    expect(await stockView(harness, sku)).toMatchObject({ stockLevel: 4, stockBalance: 4, inStock: true });
  });

  it('loses no sale when orders race a snapshot', async () => {
    const sku = await product();
    await snapshot(sku, minutesAgo(60), 1000);
    const asOf = minutesAgo(30);
    await Promise.all([
      ...Array.from({ length: 8 }, () => sell(sku, 1)),
      snapshot(sku, asOf, 500),
      ...Array.from({ length: 8 }, () => sell(sku, 1)),
    ]);
    // Every sale is dated now, after the snapshot's time: all 16 come off its 500.
    expect(await level(sku)).toBe(484);
  });

  it.each([
    ['an unknown sku', (sku: string) => [{ sku, level: 1 }, { sku: 'NO-SUCH-SKU-4711', level: 1 }], 'levels[1].sku'],
    ['a negative level', (sku: string) => [{ sku, level: -1 }], 'levels[0].level'],
    ['a sku twice', (sku: string) => [{ sku, level: 1 }, { sku, level: 2 }], 'levels[1].sku'],
    ['no levels', () => [], 'levels'],
    ['more than 5000 levels', (sku: string) => Array.from({ length: 5001 }, (_, i) => ({ sku: `${sku}-${i}`, level: 1 })), 'levels'],
  ])('refuses %s with BAD_USER_INPUT naming the field, not the value, and keeps the snapshot id free', async (_what, levels, field) => {
    const sku = await product();
    await snapshot(sku, minutesAgo(60), 10);
    const id = `snap-${randomUUID()}`;
    const r = await setStockLevels(harness, id, minutesAgo(30), levels(sku));
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.errors?.[0].message).not.toContain('NO-SUCH-SKU-4711');
    expect(r.errors?.[0].message).not.toContain(sku);
    expect(await level(sku)).toBe(10);
    // Nothing was claimed: the corrected call with the same id applies.
    expect((await setStockLevels(harness, id, minutesAgo(30), [{ sku, level: 3 }])).data?.setStockLevels).toMatchObject({ replayed: false, applied: 1 });
  });

  it.each([
    ['a snapshot counted in the future', () => setStockLevels(harness, `snap-${randomUUID()}`, new Date(Date.now() + 3_600_000).toISOString(), [{ sku: 'x', level: 1 }]), 'asOf'],
    ['a zero movement', (sku: string) => adjustStock(harness, [{ movementId: `mv-${randomUUID()}`, sku, delta: 0, occurredAt: minutesAgo(1) }]), 'movements[0].delta'],
    ['a movement of an unknown sku', (sku: string) => adjustStock(harness, [{ movementId: `mv-${randomUUID()}`, sku, delta: 1, occurredAt: minutesAgo(1) }, { movementId: `mv-${randomUUID()}`, sku: 'NO-SUCH-SKU-4711', delta: 1, occurredAt: minutesAgo(1) }]), 'movements[1].sku'],
    ['a movement id twice in one call', (sku: string) => adjustStock(harness, [{ movementId: 'mv-twice', sku, delta: 1, occurredAt: minutesAgo(1) }, { movementId: 'mv-twice', sku, delta: 1, occurredAt: minutesAgo(1) }]), 'movements[1].movementId'],
    ['a movement in the future', (sku: string) => adjustStock(harness, [{ movementId: `mv-${randomUUID()}`, sku, delta: 1, occurredAt: new Date(Date.now() + 3_600_000).toISOString() }]), 'movements[0].occurredAt'],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_what, send, field) => {
    const sku = await product();
    await snapshot(sku, minutesAgo(60), 10);
    const r = await (send as (sku: string) => ReturnType<typeof adjustStock>)(sku);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await level(sku)).toBe(10);
  });

  it('asks for the stock:write scope', async () => {
    const sku = await product();
    const r = await harness.execute(`mutation { adjustStock(movements: [{ movementId: "mv-scope", sku: "${sku}", delta: 1, occurredAt: "${minutesAgo(1)}" }]) { recorded } }`);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await level(sku)).toBe(0);
  });
});
