import { RefreshCustomerValuesDocument, ValueRefreshJobDocument } from '../generated/graphql';
import { postGraphQL } from './graphql-client';

/**
 * Starts a full value refresh through the gateway as `admin` (privacy:admin) and waits until its
 * background job is DONE, as an operator polling valueRefreshJob would.
 */
export async function refreshValuesAndWait(gatewayUrl: string, admin: Record<string, string>, withinMs = 60_000): Promise<void> {
  const started = await postGraphQL(gatewayUrl, RefreshCustomerValuesDocument, {}, admin);
  if (started.errors || !started.data?.refreshCustomerValues) throw new Error(`refreshCustomerValues: ${JSON.stringify(started.errors)}`);
  const { id } = started.data.refreshCustomerValues;
  const deadline = Date.now() + withinMs;
  for (;;) {
    const job = (await postGraphQL(gatewayUrl, ValueRefreshJobDocument, { id }, admin)).data?.valueRefreshJob;
    if (job?.state === 'DONE') return;
    if (job?.state === 'FAILED') throw new Error(`value refresh job ${id} failed: ${job.failure}`);
    if (Date.now() > deadline) throw new Error(`value refresh job ${id} still running after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
