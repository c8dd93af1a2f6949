import { randomUUID } from 'node:crypto';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { valueRefreshJob } from '../src/value-analysis';
import { DAY, everyDays, insertOrders, valueOf, valueService } from './value-fixtures';

describe(`transactions scheduled value refresh on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  beforeAll(async () => {
    harness = await startSubgraphHarness(transactionsSubgraph);
  });
  afterAll(() => harness.close());

  it('moves a customer who stopped buying on: ACTIVE when last refreshed, AT_RISK once refreshed as of now', async () => {
    const quiet = randomUUID();
    const now = new Date();
    // Orders 60, 50 and 40 days ago: a 10-day rhythm. As of 35 days ago, 5 days since the last (ACTIVE);
    // as of now, 40 days since = 4 x rhythm (AT_RISK). No order arrives in between to refresh it.
    await insertOrders(harness, now, everyDays(quiet, 60, 40, 10, 25));
    await valueService(harness).refreshAll(new Date(now.getTime() - 35 * DAY));
    expect((await valueOf(harness, quiet)).lifecycleStage).toBe('ACTIVE');

    await valueRefreshJob(valueService(harness), { refreshHours: 24 }).runNow();
    const value = await valueOf(harness, quiet);
    expect(value.lifecycleStage).toBe('AT_RISK');
    expect(Date.now() - new Date(value.refreshedAt).getTime()).toBeLessThan(60_000);
  });
});
