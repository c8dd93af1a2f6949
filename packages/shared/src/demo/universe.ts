import { demoId, Random } from './random';

/**
 * The facts every subgraph's demo seeder agrees on: ids, the product catalogue, partners,
 * purposes and the time window. Each subgraph generates its own rows from these, so no
 * seeder needs another subgraph's tables.
 */
export interface DemoOptions {
  seed: number;
  customers: number;
}

export const DEMO_WINDOW = { from: new Date('2024-09-01T00:00:00Z'), to: new Date('2026-10-31T23:59:59Z') };
export const AVERAGE_ORDERS_PER_CUSTOMER = 20;

export const PRODUCT_CATEGORIES = ['Outdoor', 'Kitchen', 'Electronics', 'Books', 'Garden', 'Toys', 'Beauty', 'Sports', 'Fashion', 'Grocery'] as const;

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  price: number;
  currency: string;
  stockLevel: number;
}

export const DEMO_PARTNERS = [
  { id: 'partner-nordic-travel', name: 'Nordic Travel Club' },
  { id: 'partner-green-energy', name: 'Green Energy Co-op' },
  { id: 'partner-city-bank', name: 'City Bank Rewards' },
] as const;

const ADJECTIVES = ['Trail', 'Classic', 'Smart', 'Compact', 'Organic', 'Deluxe', 'Everyday', 'Pro', 'Mini', 'Eco'];
const NOUNS: Record<string, string[]> = {
  Outdoor: ['Tent', 'Backpack', 'Lantern', 'Sleeping Bag'],
  Kitchen: ['Kettle', 'Pan', 'Knife Set', 'Blender'],
  Electronics: ['Headphones', 'Charger', 'Speaker', 'Tablet'],
  Books: ['Cookbook', 'Novel', 'Atlas', 'Guide'],
  Garden: ['Hose', 'Planter', 'Shears', 'Seed Kit'],
  Toys: ['Puzzle', 'Robot', 'Board Game', 'Kite'],
  Beauty: ['Serum', 'Soap', 'Lotion', 'Brush'],
  Sports: ['Yoga Mat', 'Ball', 'Racket', 'Bottle'],
  Fashion: ['Scarf', 'Jacket', 'Cap', 'Belt'],
  Grocery: ['Coffee', 'Tea', 'Olive Oil', 'Chocolate'],
};

export const demoCustomerId = (options: DemoOptions, index: number) => demoId(options.seed, 'customer', index);
export const demoCustomerExternalId = (index: number) => `C${String(index + 1).padStart(7, '0')}`;

/** 200 products in 10 categories; about 8% are out of stock. */
export function demoProducts(options: Pick<DemoOptions, 'seed'>): DemoProduct[] {
  const random = new Random(`${options.seed}:products`);
  return Array.from({ length: 200 }, (_, i) => {
    const category = PRODUCT_CATEGORIES[i % PRODUCT_CATEGORIES.length];
    const noun = NOUNS[category][Math.floor(i / PRODUCT_CATEGORIES.length) % 4];
    const base = 5 + random.pareto(1.6) * 10;
    return {
      sku: `SKU-${String(i + 1).padStart(5, '0')}`,
      name: `${random.pick(ADJECTIVES)} ${noun} ${i + 1}`,
      category,
      price: Math.round(Math.min(base, 900) * 100) / 100,
      currency: 'EUR',
      stockLevel: random.chance(0.08) ? 0 : random.int(5, 5000),
    };
  });
}

/** Monthly seasonality: a strong November/December peak and a summer bump. */
export const MONTH_WEIGHTS = [0.8, 0.7, 0.85, 0.9, 0.95, 1.05, 1.1, 1.0, 0.95, 1.05, 1.6, 1.9];

/** A date inside the demo window, weighted by month. */
export function seasonalDate(random: Random, from: Date = DEMO_WINDOW.from, to: Date = DEMO_WINDOW.to): Date {
  for (;;) {
    const t = from.getTime() + random.next() * (to.getTime() - from.getTime());
    const date = new Date(t);
    if (random.next() * 1.9 < MONTH_WEIGHTS[date.getUTCMonth()]) return date;
  }
}

/** When a demo customer joined; orders and interactions of that customer come after it. */
export function demoCustomerSince(options: DemoOptions, index: number): Date {
  const random = new Random(`${options.seed}:since:${index}`);
  const from = new Date('2022-01-01T00:00:00Z').getTime();
  const to = DEMO_WINDOW.to.getTime() - 30 * 86_400_000;
  // Most customers joined before the order window; a steady trickle joins during it.
  const t = random.chance(0.7) ? from + random.next() * (DEMO_WINDOW.from.getTime() - from) : DEMO_WINDOW.from.getTime() + random.next() * (to - DEMO_WINDOW.from.getTime());
  return new Date(Math.floor(t));
}
