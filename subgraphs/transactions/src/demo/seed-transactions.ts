import type { DataSource } from 'typeorm';
import { bulkInsert, demoCustomerId, demoCustomerSince, demoId, demoProducts, DEMO_WINDOW, PRODUCT_CATEGORIES, Random, seasonalDate, type DemoOptions, type DemoProduct } from '@c360/shared';
import { fromCents, toCents } from '../money';
import { demoOrderCounts } from './order-counts';

const CHANNELS = ['WEB', 'MOBILE', 'STORE', 'CALL_CENTER', 'PARTNER', 'MARKETPLACE'];
const CHANNEL_WEIGHTS = [40, 20, 20, 5, 5, 10];
/** Which system each channel's orders are ingested from, and its order number prefix. */
const SOURCES: Record<string, { system: string; prefix: string }> = {
  WEB: { system: 'webshop', prefix: 'W' },
  MOBILE: { system: 'webshop', prefix: 'W' },
  MARKETPLACE: { system: 'webshop', prefix: 'W' },
  STORE: { system: 'pos', prefix: 'POS' },
  CALL_CENTER: { system: 'erp', prefix: 'SO' },
  PARTNER: { system: 'erp', prefix: 'SO' },
};

type Row = Record<string, unknown>;

/** The catalogue (stock as given by the universe) and ~20 orders per customer with seasonality. */
export async function seedTransactionsDemoData(dataSource: DataSource, options: DemoOptions): Promise<boolean> {
  const [{ n }] = await dataSource.query('SELECT (SELECT count(*) FROM transactions.product) + (SELECT count(*) FROM transactions.customer_order) AS n');
  if (Number(n) > 0) return false;
  const products = demoProducts(options);
  const { orders, lines } = generateDemoOrders(options, products);
  await dataSource.transaction(async (manager) => {
    // The universe's levels are the ERP's count as of the end of the demo history: no demo order moves them.
    await bulkInsert(manager, 'transactions.product', {
      sku: 'text', name: 'text', category: 'text', price: 'numeric', currency: 'text', stock_level: 'int', stock_erp_level: 'int', stock_as_of: 'timestamptz', updated_at: 'timestamptz',
    }, products.map((p) => ({
      sku: p.sku, name: p.name, category: p.category, price: p.price, currency: p.currency,
      stock_level: p.stockLevel, stock_erp_level: p.stockLevel, stock_as_of: DEMO_WINDOW.to.toISOString(), updated_at: DEMO_WINDOW.from.toISOString(),
    })));
    await manager.query(`INSERT INTO transactions.product_price_history (sku, valid_from, price, currency) SELECT sku, updated_at, price, currency FROM transactions.product`);
    await bulkInsert(manager, 'transactions.customer_order', {
      id: 'uuid', customer_id: 'uuid', total: 'numeric', currency: 'text', channel: 'text', status: 'text', occurred_at: 'timestamptz',
      source_system: 'text', external_id: 'text', recorded_at: 'timestamptz',
    }, orders);
    await bulkInsert(manager, 'transactions.order_line', {
      order_id: 'uuid', line_no: 'int', sku: 'text', quantity: 'int', unit_price: 'numeric', line_total: 'numeric',
    }, lines);
    // Demo sales go to the stock ledger too (all before the count, so levels stay as given), as any recorded order's do.
    await manager.query(
      `INSERT INTO transactions.stock_movement (movement_key, source, sku, delta, occurred_at, recorded_at)
       SELECT 'sale:' || o.id || ':' || l.sku, 'SALE', l.sku, -sum(l.quantity)::int, o.occurred_at, o.recorded_at
       FROM transactions.customer_order o JOIN transactions.order_line l ON l.order_id = o.id
       WHERE o.status <> 'CANCELLED'
       GROUP BY o.id, l.sku, o.occurred_at, o.recorded_at`,
    );
  });
  return true;
}

/** Pure and deterministic: the same options always give the same rows. */
export function generateDemoOrders(options: DemoOptions, products: DemoProduct[]): { orders: Row[]; lines: Row[] } {
  const byCategory = new Map(PRODUCT_CATEGORIES.map((c) => [c as string, products.filter((p) => p.category === c)]));
  const counts = demoOrderCounts(options);
  const orders: Row[] = [];
  const lines: Row[] = [];
  counts.forEach((count, i) => {
    const random = new Random(`${options.seed}:orders:${i}`);
    const customerId = demoCustomerId(options, i);
    const since = demoCustomerSince(options, i);
    const from = since > DEMO_WINDOW.from ? since : DEMO_WINDOW.from;
    // Per-customer habits: two favourite categories and a usual channel.
    const favourites = [random.pick(PRODUCT_CATEGORIES), random.pick(PRODUCT_CATEGORIES)];
    const usualChannel = random.weighted(CHANNELS, CHANNEL_WEIGHTS);
    for (let k = 0; k < count; k++) {
      const id = demoId(options.seed, `order:${i}`, k);
      const occurredAt = seasonalDate(random, from).toISOString();
      const channel = random.chance(0.7) ? usualChannel : random.weighted(CHANNELS, CHANNEL_WEIGHTS);
      const lineCount = random.weighted([1, 2, 3, 4], [50, 30, 15, 5]);
      let totalCents = 0;
      for (let lineNo = 0; lineNo < lineCount; lineNo++) {
        const category = random.chance(0.7) ? random.pick(favourites) : random.pick(PRODUCT_CATEGORIES);
        const product = random.pick(byCategory.get(category)!);
        const quantity = random.weighted([1, 2, 3, 4], [70, 20, 7, 3]);
        const unitCents = toCents(product.price);
        totalCents += unitCents * quantity;
        lines.push({ order_id: id, line_no: lineNo, sku: product.sku, quantity, unit_price: product.price, line_total: fromCents(unitCents * quantity) });
      }
      const roll = random.next();
      const source = SOURCES[channel];
      orders.push({
        id,
        customer_id: customerId,
        total: fromCents(totalCents),
        currency: 'EUR',
        channel,
        status: roll < 0.04 ? 'REFUNDED' : roll < 0.06 ? 'CANCELLED' : 'COMPLETED',
        occurred_at: occurredAt,
        source_system: source.system,
        external_id: `${source.prefix}-${String(i + 1).padStart(7, '0')}-${String(k + 1).padStart(4, '0')}`,
        recorded_at: occurredAt,
      });
    }
  });
  return { orders, lines };
}
