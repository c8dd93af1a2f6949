import { randomUUID } from 'node:crypto';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { offersApi } from './fixtures';
import { responseInput, responsesApi } from './response-fixtures';

const EXPORT = `query E($customerId: ID!) { subjectDataExport(customerId: $customerId) { subgraph data } }`;
const ERASE = `mutation X($customerId: ID!, $requestId: ID!) { eraseSubjectData(customerId: $customerId, requestId: $requestId) { counts { table action rows } } }`;
const privacyService = internalCaller({ clientId: 'consent:subject-requests', scopes: ['privacy:admin'] });
type Vars = Record<string, unknown>;

describe(`offers privacy contract on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let offerId: string;
  const run = <T>(query: string, variables: Vars, caller = internalCaller()) => harness.execute<T, Vars>(query, variables, caller);

  beforeAll(async () => {
    harness = await startSubgraphHarness(offersSubgraph);
    const api = offersApi(harness);
    offerId = (await api.createOffer(await api.createCampaign())).id;
  });
  afterAll(() => harness.close());

  it('exports the responses, then keeps them for campaign performance with customer and event id replaced; a second run changes nothing', async () => {
    const customerId = randomUUID();
    const responses = responsesApi(harness);
    await responses.record(responseInput(offerId, customerId, 'SHOWN', { eventId: `shown-${customerId}` }));
    await responses.record(responseInput(offerId, customerId, 'CLICKED'));
    const exported = await run<{ subjectDataExport: { data: { offerResponses: Vars[] } } }>(EXPORT, { customerId }, privacyService);
    expect(exported.data!.subjectDataExport.data.offerResponses.map((r) => r.type).sort()).toEqual(['CLICKED', 'SHOWN']);
    const [{ n: before }]: { n: number }[] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM offers.offer_response WHERE offer_id = $1`, [offerId]);

    const erased = await run<{ eraseSubjectData: { counts: Vars[] } }>(ERASE, { customerId, requestId: randomUUID() }, privacyService);
    expect(erased.data!.eraseSubjectData.counts).toEqual([
      { table: 'offers.offer_response', action: 'DEIDENTIFIED', rows: 2 },
      { table: 'offers.erased_customer', action: 'TOMBSTONED', rows: 1 },
    ]);
    const left: { customer_id: string; event_id: string }[] = await harness.dataSource.query(`SELECT customer_id, event_id FROM offers.offer_response WHERE offer_id = $1`, [offerId]);
    expect(left).toHaveLength(before);
    expect(left.filter((r) => r.customer_id === customerId || r.event_id.includes(customerId))).toEqual([]);
    const again = await run<{ eraseSubjectData: { counts: Vars[] } }>(ERASE, { customerId, requestId: randomUUID() }, privacyService);
    expect(again.data!.eraseSubjectData.counts).toEqual([
      { table: 'offers.offer_response', action: 'DEIDENTIFIED', rows: 0 },
      { table: 'offers.erased_customer', action: 'TOMBSTONED', rows: 0 },
    ]);
  });

  it('refuses responses for an erased customer, replayed or new, and writes none of the batch', async () => {
    const customerId = randomUUID();
    const other = randomUUID();
    const responses = responsesApi(harness);
    const shown = responseInput(offerId, customerId, 'SHOWN', { eventId: `replayed-${customerId}` });
    await responses.record(shown);
    await run(ERASE, { customerId, requestId: randomUUID() }, privacyService);
    for (const batch of [[shown], [responseInput(offerId, other, 'SHOWN'), responseInput(offerId, customerId, 'CLICKED')]]) {
      const r = await responses.recordManyRaw(batch);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED', reason: 'SUBJECT_ERASED' });
    }
    const rows: unknown[] = await harness.dataSource.query(`SELECT 1 FROM offers.offer_response WHERE customer_id = ANY($1::uuid[])`, [[customerId, other]]);
    expect(rows).toEqual([]);
  });

  it('refuses callers without privacy:admin', async () => {
    const r = await run(EXPORT, { customerId: randomUUID() });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
