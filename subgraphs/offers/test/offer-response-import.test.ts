import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, tombstoneOfId, type Caller, type ImportFormat } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { offersSubgraph } from '../src';
import { createOffersImport, type OffersImport } from '../src/import';
import { ResponseSubjectDataRepository } from '../src/subject-data/subject-data.repository';
import { fakePeers, fakeWorld, type FakeWorld } from './fake-peers';
import { offersApi } from './fixtures';

const erp: Caller = { clientId: 'erp-test', kind: CallerKind.ERP_INTEGRATION, scopes: ['offers:write'], purpose: 'SERVICE' };
const otherErp: Caller = { ...erp, clientId: 'erp-other' };
const REVENUE_REFUSED = "is checked against the order's total, which this caller may not read; import the redemption without revenue";

/** A file's text, streamed in small chunks so lines straddle chunk boundaries as they do over a network. */
const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

describe(`bulk offer response import on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: OffersImport;
  let world: FakeWorld;
  let offerId: string;
  let draftOfferId: string;

  const customer = () => {
    const id = randomUUID();
    world.existence.set(id, 'EXISTS');
    return id;
  };
  const order = (customerId: string, status: 'COMPLETED' | 'CANCELLED' = 'COMPLETED', total = 80) => {
    const id = randomUUID();
    world.orders.set(id, { customerId, status, total });
    return id;
  };
  const response = (overrides: Record<string, unknown> = {}): Record<string, unknown> & { externalId: string; customerId: string; orderId?: string } => ({
    externalId: `ext-${randomUUID()}`,
    offerId,
    customerId: customer(),
    type: 'SHOWN',
    channel: 'EMAIL',
    occurredAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  });
  const redeemed = (overrides: Record<string, unknown> = {}) => {
    const customerId = customer();
    return response({ customerId, type: 'REDEEMED', channel: 'STORE', orderId: order(customerId), ...overrides });
  };
  const run = (text: string, options: { format?: ImportFormat; sourceSystem?: string; batchRows?: number; caller?: Caller } = {}) => {
    const runner = options.batchRows ? new ImportRunner(harness.dataSource, imports.jobs, { batchRows: options.batchRows }) : imports.runner;
    return runner.run({ kind: imports.kinds[0], caller: options.caller ?? erp, source: streamOf(text), format: options.format ?? 'ndjson', sourceSystem: options.sourceSystem ?? 'crm-a' });
  };
  const stored = (sourceSystem: string) =>
    harness.dataSource.query(
      `SELECT external_id, customer_id, type, channel, order_id, revenue::float8 AS revenue, occurred_at, event_id, imported_by FROM offers.offer_response WHERE source_system = $1 ORDER BY external_id`,
      [sourceSystem],
    ) as Promise<Record<string, unknown>[]>;
  const callsTo = (peer: string) => world.calls.filter((c) => c.peer === peer).length;

  beforeAll(async () => {
    harness = await startSubgraphHarness(offersSubgraph);
    world = fakeWorld();
    imports = createOffersImport(harness.dataSource, fakePeers(world));
    const api = offersApi(harness);
    const campaignId = await api.createCampaign();
    offerId = (await api.createOffer(campaignId)).id;
    const draft = await api.createOfferRaw(campaignId, { status: 'DRAFT' });
    draftOfferId = draft.data!.createOffer.id;
  });
  afterAll(() => harness.close());

  it('imports responses keyed by source system + external id, a REDEEMED one naming a COMPLETED order of the same customer', async () => {
    const shown = response();
    const redemption = redeemed();
    const job = await run(ndjson([shown, redemption]), { sourceSystem: 'crm-new' });
    expect(job).toMatchObject({ state: ImportJobState.DONE, counts: { read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 } });
    const rows = await stored('crm-new');
    expect(rows.map((r) => [r.external_id, r.customer_id, r.type, r.order_id, r.revenue, r.imported_by])).toEqual(
      [
        [shown.externalId, shown.customerId, 'SHOWN', null, null, 'erp-test'],
        [redemption.externalId, redemption.customerId, 'REDEEMED', redemption.orderId, null, 'erp-test'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // The event id is outside the client alphabet: no recordOfferResponse can replay an imported response.
    for (const row of rows) expect(row.event_id).toMatch(/^import [0-9a-f-]{36}$/);
  });

  it('replaying the same file changes nothing and reports every row unchanged', async () => {
    const text = ndjson([response(), redeemed(), response({ occurredAt: undefined })]);
    const first = await run(text, { sourceSystem: 'crm-replay' });
    const before = await stored('crm-replay');
    const replay = await run(text, { sourceSystem: 'crm-replay' });
    expect(first.counts).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(replay.counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await stored('crm-replay')).toEqual(before);
  });

  it('reports a re-sent response with different content as a conflict and keeps the original', async () => {
    const original = redeemed();
    await run(ndjson([original]), { sourceSystem: 'crm-conflict' });
    const job = await run(ndjson([original, { ...original, channel: 'WEB' }, { ...original, occurredAt: '2025-06-02T10:00:00.000Z' }]), { sourceSystem: 'crm-conflict' });
    expect(job.counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 1, rejected: 2 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([2, 3].map((lineNo) => ({ lineNo, field: 'externalId', reason: 'was already imported with different content' })));
    expect((await stored('crm-conflict')).map((r) => [r.channel, (r.occurred_at as Date).toISOString()])).toEqual([['STORE', '2025-06-01T10:00:00.000Z']]);
  });

  it('never compares another client with content it did not import: its differing copy is unchanged, nothing is written', async () => {
    const original = response();
    await run(ndjson([original]), { sourceSystem: 'crm-shared' });
    const job = await run(ndjson([{ ...original, type: 'CLICKED' }]), { sourceSystem: 'crm-shared', caller: otherErp });
    expect(job.counts).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect((await stored('crm-shared')).map((r) => [r.type, r.imported_by])).toEqual([['SHOWN', 'erp-test']]);
  });

  it('treats the same external id twice in one file as one response, and a different second copy as a conflict', async () => {
    const row = response();
    const job = await run(ndjson([row, row, { ...row, type: 'CLICKED' }]), { sourceSystem: 'crm-dup' });
    expect(job.counts).toEqual({ read: 3, inserted: 1, updated: 0, unchanged: 1, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 3, field: 'externalId', reason: 'was already imported with different content' }]);
  });

  it('rejects bad rows with their exact line number, field and reason, never the value, and imports every good row around them', async () => {
    const secret = 'SECRET-VALUE-7731';
    const erasedAtPeer = customer();
    world.existence.set(erasedAtPeer, 'ERASED');
    const erasedHere = customer();
    await harness.dataSource.query(`INSERT INTO offers.erased_customer (customer_hash, erased_at) VALUES ($1, now())`, [tombstoneOfId(erasedHere)]);
    const buyer = customer();
    const buyersOrder = order(buyer, 'COMPLETED', 80);
    const rows = [
      response(), // 1
      response({ offerId: randomUUID() }), // 2
      response({ customerId: randomUUID() }), // 3
      response({ customerId: erasedAtPeer }), // 4
      response({ customerId: erasedHere }), // 5
      response({ type: secret }), // 6
      response({ channel: secret }), // 7
      response({ occurredAt: '2999-01-01T00:00:00Z' }), // 8
      response({ offerId: draftOfferId }), // 9
      response({ type: 'REDEEMED' }), // 10: no order
      response({ orderId: buyersOrder }), // 11: order on a SHOWN
      redeemed({ orderId: buyersOrder }), // 12: another customer's order
      redeemed({ customerId: buyer, orderId: order(buyer, 'CANCELLED') }), // 13
      redeemed({ customerId: buyer, orderId: randomUUID() }), // 14: no such order
      redeemed({ customerId: buyer, orderId: buyersOrder, revenue: 500 }), // 15: above the total
      redeemed({ customerId: buyer, orderId: buyersOrder, revenue: 10 }), // 16: below it, refused alike: no bisecting the total
      response({ customerId: secret }), // 17
      '{"externalId": "broken', // 18
      redeemed({ customerId: buyer, orderId: buyersOrder }), // 19
    ];
    const job = await run(ndjson(rows), { sourceSystem: 'crm-bad', batchRows: 4 });
    expect(job.counts).toEqual({ read: 19, inserted: 2, updated: 0, unchanged: 0, rejected: 17 });
    const report = await imports.jobs.badRows(job.id, 100);
    expect(report).toEqual([
      { lineNo: 2, field: 'offerId', reason: 'unknown offer' },
      { lineNo: 3, field: 'customerId', reason: 'unknown customer' },
      { lineNo: 4, field: 'customerId', reason: 'customer was erased' },
      { lineNo: 5, field: 'customerId', reason: 'customer was erased' },
      { lineNo: 6, field: 'type', reason: 'is not an offer response type' },
      { lineNo: 7, field: 'channel', reason: 'is not an offer channel' },
      { lineNo: 8, field: 'occurredAt', reason: 'is in the future' },
      { lineNo: 9, field: 'offerId', reason: 'offer is a DRAFT and has reached no one' },
      { lineNo: 10, field: 'orderId', reason: 'is required for a REDEEMED response' },
      { lineNo: 11, field: 'orderId', reason: 'is only recorded for REDEEMED responses' },
      { lineNo: 12, field: 'orderId', reason: 'is not an order of this customer' },
      { lineNo: 13, field: 'orderId', reason: 'is not a COMPLETED order' },
      { lineNo: 14, field: 'orderId', reason: 'is not a recorded order' },
      { lineNo: 15, field: 'revenue', reason: REVENUE_REFUSED },
      { lineNo: 16, field: 'revenue', reason: REVENUE_REFUSED },
      { lineNo: 17, field: 'customerId', reason: 'must be a UUID' },
      { lineNo: 18, field: '(line)', reason: 'not valid JSON' },
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect((await stored('crm-bad')).map((r) => r.customer_id).sort()).toEqual([(rows[0] as { customerId: string }).customerId, buyer].sort());
  });

  it("records an ADAPTIVE offer's chosen option, and rejects an option the offer lacks or an option on another personalisation type", async () => {
    const api = offersApi(harness);
    const campaignId = await api.createCampaign();
    const adaptive = (await api.createOffer(campaignId, { personalisationType: 'ADAPTIVE', skus: ['SKU-00001', 'SKU-00003'] })).id;
    const chosen = response({ offerId: adaptive, type: 'ACCEPTED', optionKey: 'product:SKU-00003' });
    const rows = [
      chosen,
      response({ offerId: adaptive, type: 'CLICKED', optionKey: 'product:SKU-00002' }),
      response({ offerId: adaptive, type: 'CLICKED', optionKey: 'SKU-00001' }),
      response({ type: 'CLICKED', optionKey: 'product:SKU-00001' }),
    ];
    const job = await run(ndjson(rows), { sourceSystem: 'crm-options' });
    expect(job.counts).toMatchObject({ read: 4, inserted: 1, rejected: 3 });
    const [stored]: { option_key: string }[] = await harness.dataSource.query(`SELECT option_key FROM offers.offer_response WHERE source_system = 'crm-options'`);
    expect(stored.option_key).toBe('product:SKU-00003');
    const bad = await imports.jobs.badRows(job.id, 10);
    expect(bad.map((b) => [b.lineNo, b.field, b.reason])).toEqual([
      [2, 'optionKey', "is not one of the offer's options"],
      [3, 'optionKey', "is not one of the offer's options"],
      [4, 'optionKey', 'is only recorded for an ADAPTIVE offer'],
    ]);
    // A re-sent row with another option is a conflict, not a silent change of the recorded choice.
    const resent = await run(ndjson([{ ...chosen, optionKey: 'product:SKU-00001' }]), { sourceSystem: 'crm-options' });
    expect(resent.counts).toMatchObject({ inserted: 0, unchanged: 0, rejected: 1 });
  });

  it('imports the same responses from CSV with header-aware line numbers', async () => {
    const rows = [response(), redeemed()];
    const csv = [
      'externalId,offerId,customerId,type,channel,occurredAt,orderId,revenue',
      ...rows.map((r) => [r.externalId, r.offerId, r.customerId, r.type, r.channel, r.occurredAt, r.orderId ?? '', ''].join(',')),
      `csv-unknown,${offerId},${randomUUID()},SHOWN,EMAIL,,,`,
      '',
    ].join('\n');
    const job = await run(csv, { format: 'csv', sourceSystem: 'crm-csv' });
    expect(job.counts).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 4, field: 'customerId', reason: 'unknown customer' }]);
    expect((await stored('crm-csv')).map((r) => r.type).sort()).toEqual(['REDEEMED', 'SHOWN']);
  });

  it('asks each peer once per batch, never once per row', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => (i % 2 ? redeemed() : response()));
    const [customersBefore, ordersBefore] = [callsTo('customers'), callsTo('transactions')];
    const job = await run(ndjson(rows), { sourceSystem: 'crm-calls', batchRows: 5 });
    expect(job.counts.inserted).toBe(10);
    expect(callsTo('customers') - customersBefore).toBe(2);
    expect(callsTo('transactions') - ordersBefore).toBe(2);
    // Each call carried its whole batch: 5 customers, and the batch's REDEEMED rows.
    expect(world.calls.slice(-4).map((c) => ((c.variables.customerIds as string[]) ?? []).length).sort()).toEqual([2, 3, 5, 5]);
  });

  it('fails the job when a peer cannot check the batch, writing nothing of it', async () => {
    world.down.add('transactions');
    try {
      await expect(run(ndjson([redeemed()]), { sourceSystem: 'crm-down' })).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    } finally {
      world.down.delete('transactions');
    }
    expect(await stored('crm-down')).toEqual([]);
  });

  it("erasure de-identifies an imported response and drops its source key, so the source system's id no longer leads to it", async () => {
    const row = response();
    await run(ndjson([row]), { sourceSystem: 'crm-erase' });
    const subjectData = new ResponseSubjectDataRepository(harness.dataSource);
    // Before: the access export names the source key, as it is data held about the customer.
    expect(await subjectData.responsesOf(row.customerId)).toMatchObject([{ sourceSystem: 'crm-erase', externalId: row.externalId }]);
    await subjectData.deidentify(row.customerId, new Date());
    expect(await stored('crm-erase')).toEqual([]);
    const [left] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM offers.offer_response WHERE external_id = $1 OR customer_id = $2`, [row.externalId, row.customerId]);
    expect(left.n).toBe(0);
    const replay = await run(ndjson([row]), { sourceSystem: 'crm-erase' });
    expect(await imports.jobs.badRows(replay.id, 10)).toEqual([{ lineNo: 1, field: 'customerId', reason: 'customer was erased' }]);
  });
});
