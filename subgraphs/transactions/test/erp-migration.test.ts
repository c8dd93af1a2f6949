import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { ErpCatalogueAndStock1732300057100 } from '../src/migrations/1732300057100-erp-catalogue-and-stock';
import { minutesAgo, newProduct, setStockLevels, upsertProducts } from './erp-fixtures';
import { orderInput, recordOrder } from './fixtures';

describe(`the ERP catalogue-and-stock migration on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
  });
  afterAll(() => harness.close());

  type Db = Pick<SubgraphHarness['dataSource'], 'query'>;
  const tables = async (db: Db = harness.dataSource) =>
    (await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'transactions' AND table_name IN ('stock_movement', 'stock_snapshot', 'product_price_history') ORDER BY table_name`)).map(
      (r: { table_name: string }) => r.table_name,
    );

  it('goes down to the old shape (oversold levels as 0) and up again, turning recorded orders into ledger sales', async () => {
    const [kept, oversold] = [newProduct(), newProduct()];
    await upsertProducts(harness, [kept, oversold]);
    await setStockLevels(harness, 'snap-migration', minutesAgo(60), [{ sku: kept.sku, level: 10 }, { sku: oversold.sku, level: 1 }]);
    expect((await recordOrder(harness, orderInput({ lines: [{ sku: kept.sku, quantity: 2 }, { sku: oversold.sku, quantity: 3 }] }))).errors).toBeUndefined();
    const migration = new ErpCatalogueAndStock1732300057100();
    const runner = harness.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      // On PGlite the runner holds the one connection: in between, everything goes through it.
      expect(await tables(runner)).toEqual([]);
      const levels = await runner.query('SELECT sku, stock_level FROM transactions.product WHERE sku = ANY($1) ORDER BY stock_level', [[kept.sku, oversold.sku]]);
      expect(levels).toEqual([{ sku: oversold.sku, stock_level: 0 }, { sku: kept.sku, stock_level: 8 }]);
      await expect(runner.query('UPDATE transactions.product SET stock_level = -1 WHERE sku = $1', [kept.sku])).rejects.toThrow();
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await tables()).toEqual(['product_price_history', 'stock_movement', 'stock_snapshot']);
    const sales = await harness.dataSource.query(`SELECT sku, delta FROM transactions.stock_movement WHERE source = 'SALE' AND sku = ANY($1) ORDER BY delta`, [[kept.sku, oversold.sku]]);
    expect(sales).toEqual([{ sku: oversold.sku, delta: -3 }, { sku: kept.sku, delta: -2 }]);
    // The level found counts as of the migration: that order is in it, later ones come off it.
    expect((await recordOrder(harness, orderInput({ lines: [{ sku: kept.sku, quantity: 1 }] }))).errors).toBeUndefined();
    const [{ stock_level }] = await harness.dataSource.query('SELECT stock_level FROM transactions.product WHERE sku = $1', [kept.sku]);
    expect(stock_level).toBe(7);
  });
});
