import { randomUUID } from 'node:crypto';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { finishedJob, startValueRefresh, valueRefreshJob } from './value-refresh-jobs';

const HOUR = 3_600_000;

describe(`transactions value refresh jobs on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
  });
  afterAll(() => harness.close());

  /** A job RUNNING in some process (this one or another): only its row tells. */
  const runningElsewhere = async (startedAt: Date): Promise<string> => {
    const id = randomUUID();
    await harness.dataSource.query(`INSERT INTO transactions.value_refresh_job (id, state, started_at) VALUES ($1, 'RUNNING', $2)`, [id, startedAt]);
    return id;
  };
  const jobCount = async (): Promise<number> => (await harness.dataSource.query('SELECT count(*)::int AS n FROM transactions.value_refresh_job'))[0].n;

  it('answers with the job already running instead of starting a second one', async () => {
    const running = await runningElsewhere(new Date());
    const before = await jobCount();

    const answer = await startValueRefresh(harness);

    expect(answer).toMatchObject({ id: running, state: 'RUNNING' });
    expect(await jobCount()).toBe(before);
    await harness.dataSource.query(`UPDATE transactions.value_refresh_job SET state = 'DONE' WHERE id = $1`, [running]);
  });

  it('takes over from a job left RUNNING by a process that stopped more than an hour ago', async () => {
    const abandoned = await runningElsewhere(new Date(Date.now() - 2 * HOUR));

    const started = await startValueRefresh(harness);

    expect(started.id).not.toBe(abandoned);
    expect(await valueRefreshJob(harness, abandoned)).toMatchObject({ state: 'FAILED', failure: expect.stringContaining('interrupted') });
    expect(await finishedJob(harness, started.id)).toMatchObject({ state: 'DONE', failure: null });
  });

  it('starts a new job once the previous one is done, and keeps the old one readable', async () => {
    const first = await finishedJob(harness, (await startValueRefresh(harness)).id);
    const second = await startValueRefresh(harness);

    expect(second.id).not.toBe(first.id);
    expect(await finishedJob(harness, second.id)).toMatchObject({ state: 'DONE' });
    expect(await valueRefreshJob(harness, first.id)).toEqual(first);
  });

  it('answers null for a job that does not exist', async () => {
    expect(await valueRefreshJob(harness, randomUUID())).toBeNull();
    expect(await valueRefreshJob(harness, 'not-a-job')).toBeNull();
  });

  it('is for administrators only: starting and reading jobs need privacy:admin', async () => {
    const erp = internalCaller({ scopes: ['orders:read', 'orders:write'] });
    const start = await harness.execute(`mutation { refreshCustomerValues { id } }`, {}, erp);
    const read = await harness.execute(`query { valueRefreshJob(id: "${randomUUID()}") { id } }`, {}, erp);
    expect([start.errors?.[0].extensions?.code, read.errors?.[0].extensions?.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});
