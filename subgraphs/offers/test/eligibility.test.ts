import { randomUUID } from 'node:crypto';
import { statementCounter } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { offersApi } from './fixtures';

const ELIGIBLE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id eligibleOffers { id } } } }`;
type Eligible = { _entities: { id: string; eligibleOffers: { id: string }[] }[] };

describe(`Customer.eligibleOffers on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let api: ReturnType<typeof offersApi>;
  const customers = (n: number) => Array.from({ length: n }, () => ({ __typename: 'Customer', id: randomUUID() }));
  const eligibleFor = (representations: { __typename: string; id: string }[]) => harness.execute<Eligible, Record<string, unknown>>(ELIGIBLE, { r: representations });

  beforeAll(async () => {
    harness = await startSubgraphHarness(offersSubgraph);
    api = offersApi(harness);
  });
  afterAll(() => harness.close());

  it('offers only live offers of active campaigns, highest priority first then by id, to every customer', async () => {
    const active = await api.createCampaign({ name: 'Active' });
    const low = await api.createOffer(active, { priority: 1 });
    const highA = await api.createOffer(active, { priority: 50 });
    const highB = await api.createOffer(active, { priority: 50 });
    await api.createOfferRaw(active, { status: 'DRAFT' });
    const paused = await api.createOffer(active);
    await api.setOfferStatus(paused.id, 'PAUSED');
    const expired = await api.createOffer(active);
    await api.setOfferStatus(expired.id, 'EXPIRED');
    await api.createOffer(active, { validFrom: '2098-01-01T00:00:00Z', validUntil: '2099-01-01T00:00:00Z' });
    const ended = await api.createOffer(active);
    // Time passing is the only way an ACTIVE offer leaves its window, so move the window instead.
    await harness.dataSource.query(`UPDATE offers.offer SET valid_from = '2024-01-01', valid_until = '2024-02-01' WHERE id = $1`, [ended.id]);
    const pausedCampaign = await api.createCampaign({ name: 'Paused' });
    await api.createOffer(pausedCampaign, { priority: 99 });
    await api.setCampaignStatus(pausedCampaign, 'PAUSED');
    const draftCampaign = await api.createCampaign({ name: 'Draft', status: 'DRAFT' });
    await api.createOffer(draftCampaign, { priority: 99 });

    const result = await eligibleFor(customers(3));

    const [first, second] = [highA.id, highB.id].sort();
    const expected = [{ id: first }, { id: second }, { id: low.id }];
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((c) => c.eligibleOffers)).toEqual([expected, expected, expected]);
  });

  it("offers a paused campaign's offers again on the very next request after it resumes", async () => {
    const campaign = await api.createCampaign();
    const offer = await api.createOffer(campaign);
    await api.setCampaignStatus(campaign, 'PAUSED');
    const whilePaused = await eligibleFor(customers(1));
    await api.setCampaignStatus(campaign, 'ACTIVE');
    const resumed = await eligibleFor(customers(1));
    expect(whilePaused.data?._entities[0].eligibleOffers.map((o) => o.id)).not.toContain(offer.id);
    expect(resumed.data?._entities[0].eligibleOffers.map((o) => o.id)).toContain(offer.id);
  });

  it('costs the same number of statements for 10 and for 40 customers', async () => {
    const campaign = await api.createCampaign();
    for (let i = 0; i < 3; i++) await api.createOffer(campaign, { priority: i });

    statementCounter.reset();
    const ten = await eligibleFor(customers(10));
    const forTen = statementCounter.total();
    statementCounter.reset();
    const forty = await eligibleFor(customers(40));
    const forForty = statementCounter.total();

    expect(ten.data?._entities).toHaveLength(10);
    expect(forty.data?._entities).toHaveLength(40);
    expect(forForty).toBe(forTen);
    // The live offers, and the exposures (read always: the contact policy caps any offer of a channel).
    expect(forTen).toBe(2);
  });

  it('serves eligible offers with their campaign and products in a constant number of statements', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { eligibleOffers { id campaign { name } products { sku } } } } }`;
    statementCounter.reset();
    await harness.execute(query, { r: customers(5) } as never);
    const forFive = statementCounter.total();
    statementCounter.reset();
    const result = await harness.execute<{ _entities: { eligibleOffers: { campaign: { name: string } }[] }[] }>(query, { r: customers(30) } as never);
    expect(result.data?._entities[29].eligibleOffers.length).toBeGreaterThan(0);
    expect(statementCounter.total()).toBe(forFive);
  });
});
