import { internalCaller, type SubgraphHarness } from '@c360/shared/testing';

export const admin = () => internalCaller({ scopes: ['privacy:admin'] });

export interface ValueRefreshJob {
  id: string;
  state: 'RUNNING' | 'DONE' | 'FAILED';
  startedAt: string;
  finishedAt: string | null;
  customersRefreshed: number | null;
  customersScored: number | null;
  durationMs: number | null;
  failure: string | null;
}

const JOB_FIELDS = 'id state startedAt finishedAt customersRefreshed customersScored durationMs failure';

export async function startValueRefresh(harness: SubgraphHarness): Promise<ValueRefreshJob> {
  const result = await harness.execute<{ refreshCustomerValues: ValueRefreshJob }>(`mutation { refreshCustomerValues { ${JOB_FIELDS} } }`, {}, admin());
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.refreshCustomerValues;
}

export async function valueRefreshJob(harness: SubgraphHarness, id: string): Promise<ValueRefreshJob | null> {
  const result = await harness.execute<{ valueRefreshJob: ValueRefreshJob | null }>(`query($id: ID!) { valueRefreshJob(id: $id) { ${JOB_FIELDS} } }`, { id } as never, admin());
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.valueRefreshJob;
}

/** Polls the job until it is no longer RUNNING. */
export async function finishedJob(harness: SubgraphHarness, id: string, withinMs = 30_000): Promise<ValueRefreshJob> {
  const started = Date.now();
  for (;;) {
    const job = await valueRefreshJob(harness, id);
    if (job && job.state !== 'RUNNING') return job;
    if (Date.now() - started > withinMs) throw new Error(`value refresh job ${id} still running after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
