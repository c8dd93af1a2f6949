import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, type Caller } from '@c360/shared';
import { deadlockVictimOnce, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { createOffersImport, type OffersImport } from '../src/import';
import { ResponseSubjectDataRepository } from '../src/subject-data/subject-data.repository';
import { fakePeers, fakeWorld, type FakeWorld } from './fake-peers';
import { offersApi } from './fixtures';
import { responseInput, responsesApi } from './response-fixtures';

const erp: Caller = { clientId: 'erp-test', kind: CallerKind.ERP_INTEGRATION, scopes: ['offers:write'], purpose: 'SERVICE' };
const ndjson = (rows: unknown[]) => Readable.from([rows.map((r) => JSON.stringify(r)).join('\n') + '\n']);

/**
 * Responses naming a retired id land where this subgraph's own merge step put the person, decided in
 * the writing transaction: the customers subgraph (here a fake peer) still calls the id live, as it
 * does until its own step, the last one, and as another replica's cache does for seconds after.
 */
describe(`offer responses naming a retired customer id on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let world: FakeWorld;
  let imports: OffersImport;
  let moves: ResponseSubjectDataRepository;
  let offerId: string;

  const responsesOf = async (customerId: string) => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM offers.offer_response WHERE customer_id = $1`, [customerId]))[0].n);
  const live = (id: string) => (world.existence.set(id, 'EXISTS'), id);
  const merged = async () => {
    const [survivor, retired, mergeId] = [live(randomUUID()), live(randomUUID()), randomUUID()];
    await responsesApi(harness).record(responseInput(offerId, retired, 'SHOWN'));
    await moves.merge(mergeId, survivor, retired);
    return { survivor, retired, mergeId };
  };

  beforeAll(async () => {
    world = fakeWorld();
    // Feeds checked through the (fake) customers subgraph, as in production.
    harness = await startSubgraphHarness(offersSubgraph, undefined, fakePeers(world), undefined, false);
    imports = createOffersImport(harness.dataSource, fakePeers(world));
    moves = new ResponseSubjectDataRepository(harness.dataSource);
    const api = offersApi(harness);
    offerId = (await api.createOffer(await api.createCampaign())).id;
  });
  afterAll(() => harness.close());

  it('a response recorded after the merge step lands on the survivor, and an unmerge gives it back', async () => {
    const { survivor, retired, mergeId } = await merged();
    const recorded = await responsesApi(harness).record(responseInput(offerId, retired, 'CLICKED'));
    expect(recorded.customer.id).toBe(survivor);
    expect(await responsesOf(retired)).toBe(0);
    await moves.unmerge(mergeId);
    expect(await responsesOf(retired)).toBe(2);
    expect(await responsesOf(survivor)).toBe(0);
  });

  it('a merge step racing many writes leaves no response on the retired id', async () => {
    const [survivor, retired, mergeId] = [live(randomUUID()), live(randomUUID()), randomUUID()];
    const write = () => responsesApi(harness).record(responseInput(offerId, retired, 'SHOWN'));
    await Promise.all([write(), write(), moves.merge(mergeId, survivor, retired), write(), write()]);
    await write();
    expect(await responsesOf(retired)).toBe(0);
    expect(await responsesOf(survivor)).toBe(5);
  });

  it('an import checked as "exists" before the merge step committed lands on the survivor', async () => {
    const { survivor, retired, mergeId } = await merged();
    const job = await imports.runner.run({
      kind: imports.kinds[0],
      caller: erp,
      source: ndjson([{ externalId: `x-${randomUUID()}`, offerId, customerId: retired, type: 'SHOWN', channel: 'EMAIL', occurredAt: '2025-06-01T10:00:00.000Z' }]),
      format: 'ndjson',
      sourceSystem: 'crm-merge',
    });
    expect(job).toMatchObject({ state: ImportJobState.DONE, counts: { inserted: 1, rejected: 0 } });
    expect(await responsesOf(retired)).toBe(0);
    expect(await responsesOf(survivor)).toBe(2);
    await moves.unmerge(mergeId);
    expect(await responsesOf(retired)).toBe(2);
  });

  it("merge and unmerge steps chosen as a deadlock's victim run again whole: each moves the responses once", async () => {
    const [survivor, retired, mergeId] = [live(randomUUID()), live(randomUUID()), randomUUID()];
    await responsesApi(harness).record(responseInput(offerId, retired, 'SHOWN'));
    const merging = deadlockVictimOnce(harness.dataSource, /UPDATE offers\.offer_response SET customer_id/);
    expect(await new ResponseSubjectDataRepository(merging.dataSource).merge(mergeId, survivor, retired)).toEqual([{ table: 'offers.offer_response', rows: 1 }]);
    expect(merging.victims()).toBe(1);
    const recorded = async () => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM offers.merge_move WHERE merge_id = $1`, [mergeId]))[0].n);
    expect(await recorded()).toBe(2); // the retirement marker and the response, once
    expect([await responsesOf(retired), await responsesOf(survivor)]).toEqual([0, 1]);
    const unmerging = deadlockVictimOnce(harness.dataSource, /DELETE FROM offers\.merge_move/);
    expect(await new ResponseSubjectDataRepository(unmerging.dataSource).unmerge(mergeId)).toEqual([{ table: 'offers.offer_response', rows: 1 }]);
    expect(unmerging.victims()).toBe(1);
    expect(await recorded()).toBe(0);
    expect([await responsesOf(retired), await responsesOf(survivor)]).toEqual([1, 0]);
  });
});
