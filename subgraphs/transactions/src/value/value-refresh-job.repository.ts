import type { DataSource } from 'typeorm';
import { ValueRefreshJobState, type ValueRefreshJob } from './value-refresh-job';
import type { FullValueRefresh } from './customer-value.service';

type Row = Record<string, unknown>;
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

const toJob = (r: Row): ValueRefreshJob => ({
  id: r.id as string,
  state: r.state as ValueRefreshJobState,
  startedAt: new Date(r.started_at as string),
  finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
  customersValued: numberOrNull(r.customers_valued),
  customersScored: numberOrNull(r.customers_scored),
  durationMs: numberOrNull(r.duration_ms),
  failure: (r.failure as string | null) ?? null,
});

/** All SQL on transactions.value_refresh_job. */
export class ValueRefreshJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A new RUNNING job, or null when one is already running (the partial unique index decides, so two
   * processes asking at once get one job). A RUNNING job started before `staleBefore` is a process that
   * died mid-refresh: it is marked FAILED first so it does not block refreshes for ever.
   */
  async startUnlessRunning(id: string, now: Date, staleBefore: Date): Promise<ValueRefreshJob | null> {
    await this.dataSource.query(`UPDATE transactions.value_refresh_job SET state = 'FAILED', failure = 'interrupted: its process stopped', finished_at = $2 WHERE state = 'RUNNING' AND started_at < $1`, [staleBefore, now]);
    const rows: Row[] = await this.dataSource.query(`INSERT INTO transactions.value_refresh_job (id, state, started_at) VALUES ($1, 'RUNNING', $2) ON CONFLICT DO NOTHING RETURNING *`, [id, now]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async running(): Promise<ValueRefreshJob | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM transactions.value_refresh_job WHERE state = 'RUNNING'`);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async find(id: string): Promise<ValueRefreshJob | null> {
    const rows: Row[] = await this.dataSource.query('SELECT * FROM transactions.value_refresh_job WHERE id = $1', [id]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async finish(id: string, result: FullValueRefresh, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE transactions.value_refresh_job SET state = 'DONE', finished_at = $2, customers_valued = $3, customers_scored = $4, duration_ms = $5 WHERE id = $1`, [
      id,
      now,
      result.customersValued,
      result.customersScored,
      result.durationMs,
    ]);
  }

  async fail(id: string, failure: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE transactions.value_refresh_job SET state = 'FAILED', finished_at = $2, failure = $3 WHERE id = $1`, [id, now, failure]);
  }
}
