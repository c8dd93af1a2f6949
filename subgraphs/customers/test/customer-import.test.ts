import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, type Caller, type ImportFormat } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { createCustomersImport, type CustomersImport } from '../src/import';
import { CustomerSubjectDataRepository } from '../src/subject-data/subject-data.repository';

const erp: Caller = { clientId: 'erp-test', kind: CallerKind.ERP_INTEGRATION, scopes: ['customers:write'], purpose: 'SERVICE' };

/** A file's text, streamed in small chunks so lines straddle chunk boundaries as they do over a network. */
const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

/** Issue 11 §2: customers imported in bulk, keyed by source system + external id. */
describe(`bulk customer import on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: CustomersImport;
  let subjectData: CustomerSubjectDataRepository;
  let refreshes = 0;
  const customer = (overrides: Record<string, unknown> = {}) => {
    const tag = randomUUID().slice(0, 8);
    return { externalId: `C-${tag}`, acquisitionChannel: 'STORE', givenName: 'Ada', familyName: `Import-${tag}`, email: `ada.${tag}@example.com`, ...overrides };
  };
  const run = (text: string, options: { format?: ImportFormat; sourceSystem?: string; batchRows?: number; caller?: Caller } = {}) => {
    const runner = options.batchRows ? new ImportRunner(harness.dataSource, imports.jobs, { batchRows: options.batchRows }) : imports.runner;
    return runner.run({ kind: imports.kinds[0], caller: options.caller ?? erp, source: streamOf(text), format: options.format ?? 'ndjson', sourceSystem: options.sourceSystem ?? 'erp-a' });
  };
  const stored = async (system: string, externalId: string) =>
    (
      await harness.dataSource.query(
        `SELECT c.id, c.display_name, c.email, c.phone, c.birth_date::text AS birth_date, c.locale, c.country_code FROM customers.customer c JOIN customers.external_identity x ON x.customer_id = c.id WHERE x.system = $1 AND x.external_id = $2`,
        [system, externalId],
      )
    )[0] as Record<string, string | null> | undefined;
  const customersWithEmail = async (email: string) => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM customers.customer WHERE lower(email) = lower($1)`, [email]))[0].n);

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
    subjectData = new CustomerSubjectDataRepository(harness.dataSource);
    imports = createCustomersImport(harness.dataSource, { phoneRegion: 'GB', erased: subjectData, afterImport: async () => void refreshes++, afterInteractions: async () => undefined });
  });
  afterAll(() => harness.close());

  it('creates each new external id as a customer with its mapping, e-mail case-folded and phone in E.164 as the mutations store them', async () => {
    const row = customer({ email: 'Mixed.Case@Example.COM', phone: '020 7946 0958', birthDate: '1990-05-01', countryCode: 'GB' });
    const job = await run(ndjson([row]), { sourceSystem: 'erp-new' });
    expect(job).toMatchObject({ state: ImportJobState.DONE, counts: { read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0 } });
    expect(await stored('erp-new', row.externalId)).toMatchObject({
      display_name: `Ada ${row.familyName}`,
      email: 'mixed.case@example.com',
      phone: '+442079460958',
      birth_date: '1990-05-01',
      locale: 'en',
      country_code: 'GB',
    });
  });

  it('replaying the same file changes nothing and reports every row unchanged', async () => {
    const text = ndjson([customer(), customer({ phone: '+44 (0)20 7946 0959' }), customer({ email: 'UPPER.Case@Example.com' })]);
    const first = await run(text, { sourceSystem: 'erp-replay' });
    const replay = await run(text, { sourceSystem: 'erp-replay' });
    expect(first.counts).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(replay.counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM customers.external_identity WHERE system = 'erp-replay'`))[0].n)).toBe(3);
  });

  it('reports a re-sent customer with different content as a conflict and keeps the original', async () => {
    const original = customer({ phone: '020 7946 0960' });
    await run(ndjson([original]), { sourceSystem: 'erp-conflict' });
    const samePhoneOtherWay = { ...original, phone: '+442079460960' };
    const job = await run(ndjson([{ ...original, givenName: 'Changed' }, { ...original, phone: '020 7946 0961' }, samePhoneOtherWay]), { sourceSystem: 'erp-conflict' });
    expect(job.counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 1, rejected: 2 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([1, 2].map((lineNo) => ({ lineNo, field: 'externalId', reason: 'was already imported with different content' })));
    expect(await stored('erp-conflict', original.externalId)).toMatchObject({ display_name: `Ada ${original.familyName}`, phone: '+442079460960' });
  });

  it('never lets a re-sent row confirm content the importer did not send: after the record changed, or for another client, the verdict is the same for every guess', async () => {
    // An ERP token reads no personal fields: one file of guesses for one external id must not reveal which guess matches.
    const original = customer({ birthDate: '1980-01-01' });
    await run(ndjson([original]), { sourceSystem: 'erp-oracle' });
    const guesses = ['1979-12-31', '1980-01-01', '1985-06-15', '1990-02-02'].map((birthDate) => ({ ...original, birthDate }));
    const otherClient: Caller = { ...erp, clientId: 'erp-someone-else' };
    const asOther = await run(ndjson(guesses), { sourceSystem: 'erp-oracle', caller: otherClient });
    expect(asOther.counts).toEqual({ read: 4, inserted: 0, updated: 0, unchanged: 0, rejected: 4 });
    expect(new Set((await imports.jobs.badRows(asOther.id, 10)).map((r) => `${r.field}: ${r.reason}`))).toEqual(new Set(['externalId: already belongs to a customer']));
    // The customer (self-service) or staff change the record: its new birth date is no longer the importer's to confirm.
    const { id } = (await stored('erp-oracle', original.externalId))!;
    await harness.dataSource.query(`UPDATE customers.customer SET birth_date = '1985-06-15', updated_at = now() + interval '1 second' WHERE id = $1`, [id]);
    const asImporter = await run(ndjson(guesses), { sourceSystem: 'erp-oracle' });
    expect(asImporter.counts).toEqual({ read: 4, inserted: 0, updated: 0, unchanged: 0, rejected: 4 });
    expect(new Set((await imports.jobs.badRows(asImporter.id, 10)).map((r) => `${r.field}: ${r.reason}`))).toEqual(new Set(['externalId: already belongs to a customer']));
  });

  it('refuses an e-mail address another customer holds, in any case, without echoing it or linking the external id', async () => {
    const existing = customer({ email: 'taken.address@example.com' });
    await run(ndjson([existing]), { sourceSystem: 'erp-taken' });
    const clash = customer({ email: 'Taken.Address@EXAMPLE.com' });
    const job = await run(ndjson([clash]), { sourceSystem: 'erp-other' });
    expect(job.counts).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 0, rejected: 1 });
    const report = await imports.jobs.badRows(job.id, 10);
    expect(report).toEqual([{ lineNo: 1, field: 'email', reason: 'belongs to another customer' }]);
    expect(JSON.stringify(report).toLowerCase()).not.toContain('taken.address');
    expect(await stored('erp-other', clash.externalId)).toBeUndefined();
    expect(await customersWithEmail('taken.address@example.com')).toBe(1);
  });

  it('makes two new rows whose e-mails differ only in case one customer, the later row a bad row', async () => {
    const first = customer({ email: 'twin.case@example.com' });
    const second = customer({ email: 'TWIN.Case@example.com' });
    const job = await run(ndjson([first, second]), { sourceSystem: 'erp-twins' });
    expect(job.counts).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 2, field: 'email', reason: 'belongs to another customer' }]);
    expect(await stored('erp-twins', first.externalId)).toMatchObject({ email: 'twin.case@example.com' });
    expect(await customersWithEmail('twin.case@example.com')).toBe(1);
  });

  it('rejects bad rows with their exact line number, field and reason, and imports every good row around them', async () => {
    const secret = 'SECRET-7731';
    const rows = [
      customer(), // 1
      customer({ email: `not-an-email-${secret}` }), // 2
      customer({ phone: `12 ${secret}` }), // 3
      '', // 4: blank, still counted as a line
      customer({ externalId: undefined }), // 5
      customer({ acquisitionChannel: secret }), // 6
      customer({ givenName: undefined, familyName: undefined }), // 7
      customer({ birthDate: '2999-01-01' }), // 8
      customer({ birthDate: '1990-02-30' }), // 9
      customer({ countryCode: 'XX' }), // 10
      customer({ locale: 'english' }), // 11
      '{"externalId": "broken', // 12
      customer({ phone: '1234 5' }), // 13
      customer({ externalId: 'x'.repeat(129) }), // 14
      customer(), // 15
    ];
    const job = await run(ndjson(rows), { sourceSystem: 'erp-bad', batchRows: 4 });
    expect(job.counts).toEqual({ read: 14, inserted: 2, updated: 0, unchanged: 0, rejected: 12 });
    const report = await imports.jobs.badRows(job.id, 100);
    expect(report).toEqual([
      { lineNo: 2, field: 'email', reason: 'must be an e-mail address' },
      { lineNo: 3, field: 'phone', reason: 'must be a valid phone number (E.164, or national for GB)' },
      { lineNo: 5, field: 'externalId', reason: 'is required' },
      { lineNo: 6, field: 'acquisitionChannel', reason: 'is not an acquisition channel' },
      { lineNo: 7, field: 'displayName', reason: 'is required unless givenName or familyName is given' },
      { lineNo: 8, field: 'birthDate', reason: 'must be a date (YYYY-MM-DD) in the past' },
      { lineNo: 9, field: 'birthDate', reason: 'must be a date (YYYY-MM-DD) in the past' },
      { lineNo: 10, field: 'countryCode', reason: 'must be an ISO 3166-1 alpha-2 code such as GB' },
      { lineNo: 11, field: 'locale', reason: 'must be a language tag such as en or en-GB' },
      { lineNo: 12, field: '(line)', reason: 'not valid JSON' },
      { lineNo: 13, field: 'phone', reason: 'must be a valid phone number (E.164, or national for GB)' },
      { lineNo: 14, field: 'externalId', reason: 'must be 1 to 128 characters' },
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM customers.external_identity WHERE system = 'erp-bad'`))[0].n)).toBe(2);
  });

  it('never re-creates an erased customer from its old external id', async () => {
    const row = customer();
    await run(ndjson([row]), { sourceSystem: 'erp-erased' });
    const { id } = (await stored('erp-erased', row.externalId))!;
    await subjectData.erase(id!, new Date());
    const job = await run(ndjson([row, customer()]), { sourceSystem: 'erp-erased' });
    expect(job.counts).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 1, field: 'externalId', reason: 'belongs to an erased customer' }]);
    expect(await stored('erp-erased', row.externalId)).toBeUndefined();
    expect(await customersWithEmail(row.email)).toBe(0);
  });

  it('imports the same customers from CSV with header-aware line numbers, and a CSV replay as NDJSON is unchanged', async () => {
    const rows = [customer({ phone: '07700 900123' }), customer({ displayName: 'Dr, "Quoted" Name' })];
    const cell = (value: unknown) => (value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`);
    const columns = ['externalId', 'acquisitionChannel', 'givenName', 'familyName', 'displayName', 'email', 'phone'] as const;
    const csv = [columns.join(','), ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(',')), 'too,few', ''].join('\n');
    const job = await run(csv, { format: 'csv', sourceSystem: 'erp-csv' });
    expect(job.counts).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(await imports.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 4, field: '(line)', reason: 'has 2 fields, the header has 7' }]);
    expect(await stored('erp-csv', rows[0].externalId)).toMatchObject({ phone: '+447700900123' });
    expect(await stored('erp-csv', rows[1].externalId)).toMatchObject({ display_name: 'Dr, "Quoted" Name' });
    const replay = await run(ndjson(rows), { sourceSystem: 'erp-csv' });
    expect(replay.counts).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('refreshes segments once after an import that wrote something, however many batches it had', async () => {
    const before = refreshes;
    await run(ndjson(Array.from({ length: 5 }, () => customer())), { sourceSystem: 'erp-refresh', batchRows: 2 });
    expect(refreshes).toBe(before + 1);
    await run(ndjson(['{']), { sourceSystem: 'erp-refresh' });
    expect(refreshes).toBe(before + 1);
  });

  it('answers customerImportJob(id) only to the ERP client that started it', async () => {
    const job = await run(ndjson([customer(), '{']), { sourceSystem: 'erp-query' });
    const query = `query Job($id: ID!) { customerImportJob(id: $id) { state counts { read inserted rejected } badRows(first: 5) { lineNo field reason } } }`;
    const own = await harness.execute<{ customerImportJob: Record<string, unknown> }, { id: string }>(query, { id: job.id }, erp);
    expect(own.errors).toBeUndefined();
    expect(own.data!.customerImportJob).toEqual({ state: 'DONE', counts: { read: 2, inserted: 1, rejected: 1 }, badRows: [{ lineNo: 2, field: '(line)', reason: 'not valid JSON' }] });
    const missing = await harness.execute(query, { id: '00000000-0000-4000-8000-000000000000' }, { ...erp, clientId: 'erp-other' });
    const foreign = await harness.execute(query, { id: job.id }, { ...erp, clientId: 'erp-other' });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message.replace(job.id, '<id>')).toBe(missing.errors?.[0].message.replace('00000000-0000-4000-8000-000000000000', '<id>'));
    const internal = await harness.execute(query, { id: job.id });
    expect(internal.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
