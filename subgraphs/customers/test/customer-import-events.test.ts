import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportRunner, type Caller, type ImportKind } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { createCustomersImport, type CustomersImport } from '../src/import';
import { CustomerSubjectDataRepository } from '../src/subject-data/subject-data.repository';

const erp: Caller = { clientId: 'erp-events', kind: CallerKind.ERP_INTEGRATION, scopes: ['customers:write'], purpose: 'SERVICE' };

const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

/** Issue 15: an imported customer is announced exactly as createCustomer announces one. */
describe(`events of the customer import on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: CustomersImport;
  const customer = (overrides: Record<string, unknown> = {}) => {
    const tag = randomUUID().slice(0, 8);
    return { externalId: `E-${tag}`, acquisitionChannel: 'STORE', givenName: 'Eve', familyName: `Events-${tag}`, email: `eve.${tag}@example.com`, ...overrides };
  };
  const run = (text: string, sourceSystem: string, kindOf: (k: ImportKind) => ImportKind = (k) => k) =>
    new ImportRunner(harness.dataSource, imports.jobs, { batchRows: 3 }).run({ kind: kindOf(imports.kinds[0]), caller: erp, source: streamOf(text), format: 'ndjson', sourceSystem });
  const mark = async () => Number((await harness.dataSource.query(`SELECT coalesce(max(seq), 0) AS seq FROM customers.outbox`))[0].seq);
  const eventsSince = async (seq: number): Promise<{ type: string; customerId: string | null; payload: Record<string, unknown> }[]> =>
    harness.dataSource.query(`SELECT type, customer_id AS "customerId", payload FROM customers.outbox WHERE seq > $1 ORDER BY seq`, [seq]);
  const idOf = async (system: string, externalId: string) =>
    ((await harness.dataSource.query(`SELECT customer_id FROM customers.external_identity WHERE system = $1 AND external_id = $2`, [system, externalId]))[0] as { customer_id: string } | undefined)?.customer_id;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
    const erased = new CustomerSubjectDataRepository(harness.dataSource);
    imports = createCustomersImport(harness.dataSource, { phoneRegion: 'GB', erased, afterImport: async () => undefined, afterInteractions: async () => undefined });
  });
  afterAll(() => harness.close());

  it('records one customer.created per customer created, in file order across batches; none for a re-sent, conflicting or bad row, none on replay', async () => {
    const system = `erp-${randomUUID().slice(0, 8)}`;
    const earlier = customer();
    await run(ndjson([earlier]), system);
    const created = [customer(), customer(), customer(), customer()];
    const rows = [
      created[0], // 1 new
      customer({ email: 'not-an-email' }), // 2 bad
      earlier, // 3 re-sent, unchanged
      created[1], // 4 new (second batch)
      { ...earlier, givenName: 'Changed' }, // 5 re-sent with other content: a conflict
      created[2], // 6 new
      customer({ email: created[0].email.toUpperCase() }), // 7 another customer's address: refused
      created[3], // 8 new (third batch)
    ];
    const before = await mark();
    const job = await run(ndjson(rows), system);
    expect(job.counts).toEqual({ read: 8, inserted: 4, updated: 0, unchanged: 1, rejected: 3 });
    const ids = await Promise.all(created.map((c) => idOf(system, c.externalId)));
    expect(await eventsSince(before)).toEqual(ids.map((id) => ({ type: 'customer.created', customerId: id, payload: { customerId: id } })));

    const replayed = await mark();
    expect((await run(ndjson(rows), system)).counts).toMatchObject({ inserted: 0, unchanged: 5 });
    expect(await eventsSince(replayed)).toEqual([]);
  });

  it('a batch that fails leaves neither its customers nor their events', async () => {
    const system = `erp-${randomUUID().slice(0, 8)}`;
    const row = customer();
    const failing = (k: ImportKind): ImportKind => ({
      ...k,
      async merge(context) {
        await k.merge(context);
        throw new Error('the batch fails after its merge');
      },
    });
    const before = await mark();
    await expect(run(ndjson([row]), system, failing)).rejects.toThrow('the batch fails after its merge');
    expect(await idOf(system, row.externalId)).toBeUndefined();
    expect(await eventsSince(before)).toEqual([]);
  });
});
