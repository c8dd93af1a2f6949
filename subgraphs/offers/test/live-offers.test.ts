import { allowAllDecider, RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { CampaignEntity } from '../src/campaign/campaign.entity';
import { OfferEntity } from '../src/offer/offer.entity';
import { OfferProductEntity } from '../src/offer/offer-product.entity';
import { OfferRepository } from '../src/offer/offer.repository';
import { offersApi } from './fixtures';

describe(`OfferRepository.findLive on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(offersSubgraph, { consentDecider: allowAllDecider, disclosureRecorder: new RecordingDisclosureRecorder() });
    const api = offersApi(harness);
    const held = await api.createCampaign({ name: 'Held out', holdoutPercent: 12.5, holdoutSeed: 7 });
    const plain = await api.createCampaign({ name: 'Plain' });
    const paused = await api.createCampaign({ name: 'Paused', status: 'DRAFT' });
    await api.createOffer(held, { name: 'three products', priority: 5, skus: ['SKU-3', 'SKU-1', 'SKU-2'], description: 'with a description', benefitType: 'AMOUNT_DISCOUNT', currency: 'EUR', benefitValue: 12.34 });
    await api.createOffer(held, {
      name: 'targeted',
      priority: 5,
      benefitType: 'FREE_SHIPPING',
      benefitValue: null,
      targeting: { segmentIds: ['seg-a', 'seg-b'], lifecycleStages: ['ACTIVE'], minMonetary: 100.5, minPredictedValue: 20, maxChurnRisk: 0.35, frequencyCap: { maxExposures: 3, withinDays: 14 } },
    });
    await api.createOffer(plain, { name: 'no products', priority: 9, consentPurpose: 'PERSONALISATION' });
    await api.createOffer(plain, { name: 'not active', status: 'DRAFT' });
    await api.createOffer(plain, { name: 'not yet', validFrom: '2098-01-01T00:00:00Z', validUntil: '2099-01-01T00:00:00Z' });
    await api.createOffer(paused, { name: 'campaign not active' });
  });

  afterAll(() => harness.close());

  /** What findLive answered before it read raw rows: TypeORM's join hydration, kept here as the oracle. */
  const throughQueryBuilder = (now: Date) =>
    harness.dataSource
      .getRepository(OfferEntity)
      .createQueryBuilder('o')
      .innerJoinAndMapOne('o.campaign', CampaignEntity, 'c', 'c.id = o.campaign_id')
      .leftJoinAndMapMany('o.products', OfferProductEntity, 'p', 'p.offer_id = o.id')
      .where(`o.status = 'ACTIVE' AND c.status = 'ACTIVE'`)
      .andWhere('o.valid_from <= :now AND o.valid_until > :now', { now })
      .orderBy('o.priority', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .addOrderBy('p.position', 'ASC')
      .getMany();

  it('answers the same offers, campaigns and products, in the same order, as the query builder did', async () => {
    const now = new Date();
    const live = await new OfferRepository(harness.dataSource).findLive(now);
    expect(live.map((o) => o.name)).toEqual(expect.arrayContaining(['three products', 'targeted', 'no products']));
    expect(live).toHaveLength(3);
    expect(live).toEqual(await throughQueryBuilder(now));
    expect(live.every((o) => o instanceof OfferEntity && o.campaign instanceof CampaignEntity)).toBe(true);
  });

  it('keeps numbers as numbers, missing values as null and products in position order', async () => {
    const live = await new OfferRepository(harness.dataSource).findLive(new Date());
    const three = live.find((o) => o.name === 'three products')!;
    expect(three.products.map((p) => p.sku)).toEqual(['SKU-3', 'SKU-1', 'SKU-2']);
    expect(three.benefitValue).toBe(12.34);
    expect(three.campaign.holdoutPercent).toBe(12.5);
    expect(three.campaign.holdoutSeed).toBe(7);
    const targeted = live.find((o) => o.name === 'targeted')!;
    expect([targeted.benefitValue, targeted.minMonetary, targeted.maxChurnRisk, targeted.frequencyCap]).toEqual([null, 100.5, 0.35, 3]);
    expect(targeted.targetSegmentIds).toEqual(['seg-a', 'seg-b']);
    expect(live.find((o) => o.name === 'no products')!.products).toEqual([]);
  });
});
