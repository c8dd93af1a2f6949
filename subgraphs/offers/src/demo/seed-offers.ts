import type { DataSource } from 'typeorm';
import { bulkInsert, demoId, demoProducts, Random, type DemoOptions, type DemoProduct } from '@c360/shared';
import { defaultConsentPurpose, type PersonalisationType } from '../offer/offer.enums';
import { DEMO_CAMPAIGNS, DEMO_OFFERS, LIVE_WINDOW, type DemoOfferDesign } from './demo-campaigns';
import { buildDemoResponses } from './demo-responses';

export interface OffersDemoRows {
  campaigns: Record<string, unknown>[];
  offers: Record<string, unknown>[];
  offerProducts: Record<string, unknown>[];
}

/** The demo rows for a seed: pure, so the same seed always yields the same rows. */
export function buildOffersDemo(options: Pick<DemoOptions, 'seed'>): OffersDemoRows {
  const products = demoProducts(options);
  const campaignIds = DEMO_CAMPAIGNS.map((_, i) => demoId(options.seed, 'campaign', i));
  const campaigns = DEMO_CAMPAIGNS.map((c, i) => {
    const createdAt = new Date(Date.UTC(2024, 7, 15 + i)).toISOString();
    return {
      id: campaignIds[i], name: c.name, description: c.description, objective: c.objective, status: 'ACTIVE', starts_at: c.startsAt, ends_at: c.endsAt,
      holdout_percent: c.holdoutPercent ?? 0, holdout_seed: 0, created_at: createdAt, updated_at: createdAt,
    };
  });
  const offers: Record<string, unknown>[] = [];
  const offerProducts: Record<string, unknown>[] = [];
  DEMO_OFFERS.forEach((design, i) => {
    const id = demoId(options.seed, 'offer', i);
    const [validFrom, validUntil] = design.window ?? LIVE_WINDOW;
    const createdAt = new Date(Date.UTC(2024, 7, 20, i)).toISOString();
    const [benefitType, benefitValue, currency] = design.benefit;
    offers.push({
      id, campaign_id: campaignIds[design.campaign], name: design.name, headline: design.headline, description: null,
      benefit_type: benefitType, benefit_value: benefitValue, currency, valid_from: validFrom, valid_until: validUntil,
      channel: design.channel, personalisation_type: design.personalisation, consent_purpose: defaultConsentPurpose(design.personalisation as PersonalisationType),
      priority: design.priority, status: design.status, created_at: createdAt, updated_at: createdAt, ...targetingColumns(design),
    });
    pickSkus(products, design, new Random(`${options.seed}:offer:${i}`)).forEach((sku, position) => offerProducts.push({ offer_id: id, sku, position }));
  });
  return { campaigns, offers, offerProducts };
}

function targetingColumns({ targeting: t = {} }: DemoOfferDesign) {
  return {
    target_segment_ids: [], target_lifecycle_stages: t.lifecycleStages ?? [], min_monetary: t.minMonetary ?? null, min_predicted_value: t.minPredictedValue ?? null,
    max_churn_risk: t.maxChurnRisk ?? null, frequency_cap: t.frequencyCap?.[0] ?? null, frequency_cap_days: t.frequencyCap?.[1] ?? null,
  };
}

/** One to three in-stock products of the offer's categories, plus an out-of-stock one when designed so (only that one for 'only'). */
function pickSkus(products: DemoProduct[], design: DemoOfferDesign, random: Random): string[] {
  const inCategory = products.filter((p) => design.categories.includes(p.category));
  const inStock = inCategory.filter((p) => p.stockLevel > 0);
  const skus = new Set<string>();
  const wanted = design.outOfStock === 'only' ? 0 : random.int(1, 3);
  while (skus.size < Math.min(wanted, inStock.length)) skus.add(random.pick(inStock).sku);
  if (design.outOfStock) {
    const soldOut = inCategory.filter((p) => p.stockLevel === 0);
    const pool = soldOut.length ? soldOut : products.filter((p) => p.stockLevel === 0);
    if (pool.length) skus.add(random.pick(pool).sku);
  }
  return [...skus];
}

/** Loads the demo campaigns, offers and responses when the offers tables are empty. */
export async function seedOffersDemoData(dataSource: DataSource, options: DemoOptions): Promise<boolean> {
  const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM offers.campaign');
  if (n > 0) return false;
  const rows = buildOffersDemo(options);
  const responses = buildDemoResponses(options, rows);
  await dataSource.transaction(async (manager) => {
    await bulkInsert(manager, 'offers.campaign', {
      id: 'uuid', name: 'text', description: 'text', objective: 'text', status: 'text', starts_at: 'timestamptz', ends_at: 'timestamptz',
      holdout_percent: 'numeric', holdout_seed: 'int', created_at: 'timestamptz', updated_at: 'timestamptz',
    }, rows.campaigns);
    await bulkInsert(manager, 'offers.offer', {
      id: 'uuid', campaign_id: 'uuid', name: 'text', headline: 'text', description: 'text', benefit_type: 'text', benefit_value: 'numeric', currency: 'text',
      valid_from: 'timestamptz', valid_until: 'timestamptz', channel: 'text', personalisation_type: 'text', consent_purpose: 'text', priority: 'int',
      status: 'text', created_at: 'timestamptz', updated_at: 'timestamptz', target_segment_ids: 'text[]', target_lifecycle_stages: 'text[]',
      min_monetary: 'numeric', min_predicted_value: 'numeric', max_churn_risk: 'numeric', frequency_cap: 'int', frequency_cap_days: 'int',
    }, rows.offers);
    await bulkInsert(manager, 'offers.offer_product', { offer_id: 'uuid', sku: 'text', position: 'int' }, rows.offerProducts);
    await bulkInsert(manager, 'offers.offer_response', {
      id: 'uuid', event_id: 'text', offer_id: 'uuid', customer_id: 'uuid', type: 'text', channel: 'text', occurred_at: 'timestamptz', order_id: 'uuid', revenue: 'numeric', recorded_at: 'timestamptz',
    }, responses);
  });
  return true;
}
