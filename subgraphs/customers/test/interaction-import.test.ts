import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, type Caller, type ImportFormat } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { createCustomersImport, type CustomersImport } from '../src/import';
import { CustomerSubjectDataRepository } from '../src/subject-data/subject-data.repository';

const erp: Caller = { clientId: 'erp-test', kind: CallerKind.ERP_INTEGRATION, scopes: ['customers:write'], purpose: 'SERVICE' };
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;

const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

/** Issue 11 §2: interactions imported in bulk, keyed by source system + external id, only for live customers. */
describe(`bulk interaction import on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: CustomersImport;
  let subjectData: CustomerSubjectDataRepository;
  let customerId: string;
  /** What each import told the segments afterwards: the customers it wrote for. */
  let followed: (readonly string[] | null)[] = [];
  const newCustomer = async () => {
    const created = await harness.execute<{ createCustomer: { id: string } }, { input: Record<string, unknown> }>(CREATE, { input: { givenName: 'Iris', acquisitionChannel: 'WEB' } });
    expect(created.errors).toBeUndefined();
    return created.data!.createCustomer.id;
  };
  const interaction = (overrides: Record<string, unknown> = {}) => ({
    externalId: `I-${randomUUID()}`,
    customerId,
    channel: 'WEB',
    kind: 'PASSIVE',
    type: 'PAGE_VIEW',
    occurredAt: '2026-01-15T10:00:00.123Z',
    attributes: { path: '/shoes', depth: 2 },
    ...overrides,
  });
  const run = (text: string, options: { format?: ImportFormat; sourceSystem?: string; batchRows?: number } = {}) => {
    const runner = options.batchRows ? new ImportRunner(harness.dataSource, imports.jobs, { batchRows: options.batchRows }) : imports.runner;
    return runner.run({ kind: imports.kinds[1], caller: erp, source: streamOf(text), format: options.format ?? 'ndjson', sourceSystem: options.sourceSystem ?? 'web-a' });
  };
  const storedOf = async (system: string) =>
    harness.dataSource.query(`SELECT external_id, customer_id, channel, kind, type, occurred_at, attributes FROM customers.interaction WHERE source_system = $1 ORDER BY external_id`, [system]) as Promise<
      Record<string, unknown>[]
    >;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
    subjectData = new CustomerSubjectDataRepository(harness.dataSource);
    imports = createCustomersImport(harness.dataSource, {
      phoneRegion: 'GB',
      erased: subjectData,
      afterImport: async () => undefined,
      afterInteractions: async (customerIds) => void followed.push(customerIds),
    });
    customerId = await newCustomer();
  });
  afterAll(() => harness.close());

  it('records each new external id on the customer’s timeline, with its attributes', async () => {
    const row = interaction();
    const job = await run(ndjson([row]), { sourceSystem: 'web-new' });
    expect(job).toMatchObject({ state: ImportJobState.DONE, counts: { read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0 } });
    const [stored] = await storedOf('web-new');
    expect(stored).toMatchObject({ external_id: row.externalId, customer_id: customerId, channel: 'WEB', kind: 'PASSIVE', type: 'PAGE_VIEW', attributes: row.attributes });
    expect(new Date(stored.occurred_at as string).toISOString()).toBe(row.occurredAt);
    // The subject's access export names where an imported interaction came from.
    expect(await subjectData.interactionsOf(customerId)).toContainEqual(expect.objectContaining({ type: 'PAGE_VIEW', sourceSystem: 'web-new', externalId: row.externalId }));
  });

  it('tells the segments once per import which customers got new interactions, across batches, and nothing for a replay', async () => {
    const other = await newCustomer();
    const rows = [interaction(), interaction({ customerId: other }), interaction(), interaction({ customerId: other }), interaction()];
    followed = [];
    const job = await run(ndjson(rows), { sourceSystem: 'web-follow', batchRows: 2 });
    expect(job.counts.inserted).toBe(5);
    expect(followed).toHaveLength(1);
    expect([...followed[0]!].sort()).toEqual([customerId, other].sort());
    followed = [];
    await run(ndjson(rows), { sourceSystem: 'web-follow', batchRows: 2 });
    expect(followed).toEqual([]);
  });

  it('replaying the same file changes nothing and reports every row unchanged', async () => {
    const text = ndjson([interaction(), interaction({ attributes: undefined }), interaction({ kind: 'ACTIVE', type: 'SURVEY_ANSWER' })]);
    const first = await run(text, { sourceSystem: 'web-replay' });
    const replay = await run(text, { sourceSystem: 'web-replay' });
    expect(first.counts).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(replay.counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await storedOf('web-replay')).toHaveLength(3);
  });

  it('reports a re-sent interaction with different content as a conflict and keeps the original', async () => {
    const original = interaction();
    await run(ndjson([original]), { sourceSystem: 'web-conflict' });
    const job = await run(ndjson([{ ...original, type: 'SEARCH' }, { ...original, attributes: { path: '/hats' } }, { ...original, occurredAt: '2026-01-15T10:00:01.123Z' }, original]), { sourceSystem: 'web-conflict' });
    expect(job.counts).toEqual({ read: 4, inserted: 0, updated: 0, unchanged: 1, rejected: 3 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([1, 2, 3].map((lineNo) => ({ lineNo, field: 'externalId', reason: 'was already imported with different content' })));
    expect(await storedOf('web-conflict')).toEqual([expect.objectContaining({ type: 'PAGE_VIEW', attributes: original.attributes })]);
  });

  it('refuses interactions of unknown and erased customers, and bad rows with their exact line numbers', async () => {
    const erased = await newCustomer();
    await subjectData.erase(erased, new Date());
    const secret = 'SECRET-4417';
    const rows = [
      interaction(), // 1
      interaction({ customerId: randomUUID() }), // 2
      interaction({ customerId: erased }), // 3
      interaction({ externalId: undefined }), // 4
      interaction({ channel: secret }), // 5
      interaction({ kind: secret }), // 6
      interaction({ type: `page view ${secret}` }), // 7
      interaction({ occurredAt: '2999-01-01T00:00:00Z' }), // 8
      interaction({ attributes: [secret] }), // 9
      interaction({ attributes: { blob: 'x'.repeat(17_000) } }), // 10
      '', // 11
      interaction({ customerId: secret }), // 12
      interaction({ occurredAt: undefined }), // 13
      interaction(), // 14
    ];
    const job = await run(ndjson(rows), { sourceSystem: 'web-bad', batchRows: 4 });
    expect(job.counts).toEqual({ read: 13, inserted: 2, updated: 0, unchanged: 0, rejected: 11 });
    const report = await imports.jobs.badRows(job.id, 100);
    expect(report).toEqual([
      { lineNo: 2, field: 'customerId', reason: 'unknown customer' },
      { lineNo: 3, field: 'customerId', reason: 'customer was erased' },
      { lineNo: 4, field: 'externalId', reason: 'is required' },
      { lineNo: 5, field: 'channel', reason: 'is not an interaction channel' },
      { lineNo: 6, field: 'kind', reason: 'must be PASSIVE or ACTIVE' },
      { lineNo: 7, field: 'type', reason: 'must be UPPER_SNAKE_CASE, e.g. PAGE_VIEW' },
      { lineNo: 8, field: 'occurredAt', reason: 'must not be in the future' },
      { lineNo: 9, field: 'attributes', reason: 'must be a JSON object under 16384 bytes' },
      { lineNo: 10, field: 'attributes', reason: 'must be a JSON object under 16384 bytes' },
      { lineNo: 12, field: 'customerId', reason: 'must be a UUID' },
      { lineNo: 13, field: 'occurredAt', reason: 'is required' },
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(await storedOf('web-bad')).toHaveLength(2);
    expect(Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM customers.interaction WHERE customer_id = $1`, [erased]))[0].n)).toBe(0);
  });

  it('imports CSV rows with attributes as JSON text, refusing text that is not a JSON object', async () => {
    const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const rows = [interaction(), interaction({ attributes: undefined })];
    const line = (r: ReturnType<typeof interaction>, attributes: string) => [r.externalId, r.customerId, r.channel, r.kind, r.type, r.occurredAt, attributes].join(',');
    const csv = [
      'externalId,customerId,channel,kind,type,occurredAt,attributes',
      line(rows[0], cell(JSON.stringify(rows[0].attributes))),
      line(rows[1], ''),
      line(interaction(), cell('{not json')),
      line(interaction(), cell('[1,2]')),
      '',
    ].join('\n');
    const job = await run(csv, { format: 'csv', sourceSystem: 'web-csv' });
    expect(job.counts).toEqual({ read: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([4, 5].map((lineNo) => ({ lineNo, field: 'attributes', reason: 'must be a JSON object under 16384 bytes' })));
    const stored = await storedOf('web-csv');
    expect(stored.find((s) => s.external_id === rows[0].externalId)?.attributes).toEqual(rows[0].attributes);
    expect(stored.find((s) => s.external_id === rows[1].externalId)?.attributes).toEqual({});
    const replayAsNdjson = await run(ndjson(rows), { sourceSystem: 'web-csv' });
    expect(replayAsNdjson.counts).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('an erasure after the import removes the imported interactions with the customer', async () => {
    const doomed = await newCustomer();
    await run(ndjson([interaction({ customerId: doomed }), interaction({ customerId: doomed })]), { sourceSystem: 'web-erase' });
    expect(await storedOf('web-erase')).toHaveLength(2);
    await subjectData.erase(doomed, new Date());
    expect(await storedOf('web-erase')).toHaveLength(0);
  });
});
