import { Readable } from 'node:stream';
import { CallerKind, ImportJobState, ImportRunner, type Caller } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { createTransactionsImport, type TransactionsImport } from '../src/import';
import { newProduct } from './erp-fixtures';

const erp: Caller = { clientId: 'erp-retention', kind: CallerKind.ERP_INTEGRATION, scopes: ['catalogue:write'], purpose: 'SERVICE' };
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

describe(`import job retention on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let imports: TransactionsImport;

  const products = () => imports.kinds.find((k) => k.name === 'products')!;
  /** A products job with one good row (kept per job in product_import_sku) and one bad row. */
  const importWith = (runner: ImportRunner) => runner.run({ kind: products(), caller: erp, source: Readable.from([ndjson([newProduct(), '[1]'])]), format: 'ndjson', sourceSystem: 'erp-retention' });
  const count = async (table: string, jobId: string) => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.${table} WHERE job_id = $1`, [jobId]))[0].n);
  const rowsOf = async (jobId: string) => [(await imports.jobs.find(jobId)) !== null, await count('import_bad_row', jobId), await count('product_import_sku', jobId)];
  const age = (jobId: string, days: number, column = 'finished_at') =>
    harness.dataSource.query(`UPDATE transactions.import_job SET ${column} = now() - make_interval(days => $2), updated_at = now() - make_interval(days => $2) WHERE id = $1`, [jobId, days]);

  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
    imports = createTransactionsImport(harness.dataSource, { unknownAmong: async () => [] }, async () => undefined);
  });
  afterAll(() => harness.close());

  it('deletes jobs that ended longer ago than the retention, with their bad rows and per-job rows, when a job starts; younger jobs stay', async () => {
    const runner = new ImportRunner(harness.dataSource, imports.jobs, { retentionDays: 30 });
    const old = await importWith(runner);
    const young = await importWith(runner);
    expect(old.state).toBe(ImportJobState.DONE);
    expect(await rowsOf(old.id)).toEqual([true, 1, 1]);
    await age(old.id, 31);
    await age(young.id, 29);
    // A job whose process died running: it never finished, and stopped advancing 31 days ago; its staging table was left behind.
    const dead = await imports.jobs.create('0f0e0d0c-0b0a-4909-8807-060504030201', 'products', 'erp-retention', erp.clientId, new Date());
    await harness.dataSource.query(`CREATE UNLOGGED TABLE transactions.import_stage_${dead.id.replace(/-/g, '')} (line_no bigint)`);
    await age(dead.id, 31, 'started_at');
    const stage = async () => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'transactions' AND tablename = $1`, [`import_stage_${dead.id.replace(/-/g, '')}`]))[0].n);
    expect(await stage()).toBe(1);

    const next = await importWith(runner);
    expect(next.state).toBe(ImportJobState.DONE);
    expect(await rowsOf(old.id)).toEqual([false, 0, 0]);
    expect(await imports.jobs.find(dead.id)).toBeNull();
    expect(await stage()).toBe(0);
    expect(await rowsOf(young.id)).toEqual([true, 1, 1]);
    expect(await rowsOf(next.id)).toEqual([true, 1, 1]);
  });

  it('keeps a job for as many days as the setting says', async () => {
    const job = await importWith(new ImportRunner(harness.dataSource, imports.jobs, { retentionDays: 30 }));
    await age(job.id, 8);
    await importWith(new ImportRunner(harness.dataSource, imports.jobs, { retentionDays: 10 }));
    expect(await rowsOf(job.id)).toEqual([true, 1, 1]);
    await importWith(new ImportRunner(harness.dataSource, imports.jobs, { retentionDays: 7 }));
    expect(await rowsOf(job.id)).toEqual([false, 0, 0]);
  });
});
