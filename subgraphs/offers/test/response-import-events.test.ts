import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, type Caller } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { createOffersImport, type OffersImport } from '../src/import';
import { fakePeers, fakeWorld, type FakeWorld } from './fake-peers';
import { offersApi } from './fixtures';

const erp: Caller = { clientId: 'erp-events', kind: CallerKind.ERP_INTEGRATION, scopes: ['offers:write'], purpose: 'SERVICE' };
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Issue 15: the outbox delivers one customer's events in order, so an import writes them in the file's order. */
describe(`order of the offer response import's events on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: OffersImport;
  let world: FakeWorld;
  let offerId: string;

  const customer = () => {
    const id = randomUUID();
    world.existence.set(id, 'EXISTS');
    return id;
  };

  beforeAll(async () => {
    harness = await startSubgraphHarness(offersSubgraph);
    world = fakeWorld();
    imports = createOffersImport(harness.dataSource, fakePeers(world));
    const api = offersApi(harness);
    offerId = (await api.createOffer(await api.createCampaign())).id;
  });
  afterAll(() => harness.close());

  it("writes each customer's response events in the file's line order (each pick right after its response), whatever ids the rows get", async () => {
    const [ann, ben] = [customer(), customer()];
    // Ann's journey is listed in order; Ben's lines sit between hers. Eight of Ann's: random ids would keep this order once in 40,320 runs.
    const journey = ['SHOWN', 'CLICKED', 'SHOWN', 'ACCEPTED', 'SHOWN', 'DECLINED', 'SHOWN', 'CLICKED'];
    const rows = journey.flatMap((type, i) => [
      { externalId: `ann-${i}-${randomUUID()}`, offerId, customerId: ann, type, channel: 'EMAIL', occurredAt: '2025-06-01T10:00:00.000Z' },
      { externalId: `ben-${i}-${randomUUID()}`, offerId, customerId: ben, type: 'CLICKED', channel: 'WEB', occurredAt: '2025-06-01T10:00:00.000Z' },
    ]);
    const [{ seq: before }] = await harness.dataSource.query(`SELECT coalesce(max(seq), 0)::int AS seq FROM offers.outbox`);
    const job = await imports.runner.run({ kind: imports.kinds[0], caller: erp, source: Readable.from([ndjson(rows)]), format: 'ndjson', sourceSystem: `crm-${randomUUID().slice(0, 8)}` });
    expect(job.counts).toMatchObject({ inserted: rows.length, rejected: 0 });

    const responseOf = new Map<string, string>(
      (await harness.dataSource.query(`SELECT id, external_id FROM offers.offer_response WHERE customer_id = $1`, [ann])).map((r: { id: string; external_id: string }) => [r.id, r.external_id]),
    );
    const annEvents: { type: string; payload: { responseId: string; type?: string } }[] = await harness.dataSource.query(
      `SELECT type, payload FROM offers.outbox WHERE seq > $1 AND customer_id = $2 ORDER BY seq`,
      [before, ann],
    );
    const expected = journey.flatMap((type, i) => [
      ['offer.response_recorded', `ann-${i}`, type],
      ...(type === 'SHOWN' ? [['offer.picked', `ann-${i}`, undefined]] : []),
    ]);
    expect(annEvents.map((e) => [e.type, responseOf.get(e.payload.responseId)!.split('-').slice(0, 2).join('-'), e.payload.type])).toEqual(expected);
  });
});
