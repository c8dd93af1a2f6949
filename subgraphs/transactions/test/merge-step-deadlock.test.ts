import { randomUUID } from 'node:crypto';
import { RETIRED_ID_MOVE } from '@c360/shared';
import { deadlockVictimOnce, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { OrderSubjectDataRepository } from '../src/subject-data/subject-data.repository';
import { orderInput, recordOrder, startSeededHarness } from './fixtures';

/** Two transactions at once need two connections: PGlite has one, so the real deadlock runs on PostgreSQL. */
const onPostgres = process.env.DATABASE_URL ? it : it.skip;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A merge or unmerge step PostgreSQL picks as a deadlock's victim was rolled back whole: it runs again
 * (a lost race with a write is no failed step, which the customers subgraph would compensate) and
 * leaves what one run leaves.
 */
describe(`the transactions merge step chosen as a deadlock's victim on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  const ordersOf = async (customerId: string) => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM transactions.customer_order WHERE customer_id = $1`, [customerId]))[0].n);
  const recorded = async (mergeId: string) =>
    (await harness.dataSource.query(`SELECT table_name, count(*)::int AS n FROM transactions.merge_move WHERE merge_id = $1 GROUP BY table_name ORDER BY table_name`, [mergeId])).map(
      (r: { table_name: string; n: number }) => [r.table_name, r.n],
    );
  const withOrders = async (n: number) => {
    const [survivor, retired, mergeId] = [randomUUID(), randomUUID(), randomUUID()];
    for (let i = 0; i < n; i++) expect((await recordOrder(harness, orderInput({ customerId: retired }))).errors).toBeUndefined();
    return { survivor, retired, mergeId };
  };

  beforeAll(async () => {
    harness = await startSeededHarness();
  });
  afterAll(() => harness.close());

  it('a merge step made a victim after moving the orders runs again and moves them once', async () => {
    const { survivor, retired, mergeId } = await withOrders(2);
    const victim = deadlockVictimOnce(harness.dataSource, /DELETE FROM transactions\.customer_value/);
    const counts = await new OrderSubjectDataRepository(victim.dataSource).merge(mergeId, survivor, retired);
    expect(victim.victims()).toBe(1);
    expect(counts).toEqual([{ table: 'transactions.customer_order', rows: 2 }]);
    expect(await recorded(mergeId)).toEqual([[RETIRED_ID_MOVE, 1], ['transactions.customer_order', 2]].sort());
    expect([await ordersOf(retired), await ordersOf(survivor)]).toEqual([0, 2]);
  });

  it('an unmerge step made a victim after giving the orders back runs again and gives them back once', async () => {
    const { survivor, retired, mergeId } = await withOrders(2);
    await new OrderSubjectDataRepository(harness.dataSource).merge(mergeId, survivor, retired);
    const victim = deadlockVictimOnce(harness.dataSource, /DELETE FROM transactions\.merge_move/);
    const counts = await new OrderSubjectDataRepository(victim.dataSource).unmerge(mergeId);
    expect(victim.victims()).toBe(1);
    // Counted 2 by the run that committed: the victim's moves were rolled back with it.
    expect(counts).toEqual([{ table: 'transactions.customer_order', rows: 2 }]);
    expect(await recorded(mergeId)).toEqual([]);
    expect([await ordersOf(retired), await ordersOf(survivor)]).toEqual([2, 0]);
  });

  onPostgres('a merge step deadlocked with a transaction holding the retired id lock and asking for the customer gate runs again once that one commits', async () => {
    const { survivor, retired, mergeId } = await withOrders(1);
    // A writer holding the retired id's lock, then asking for the customer gate the merge step holds: a real deadlock.
    const writer = harness.dataSource.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [retired]);
      const merging = new OrderSubjectDataRepository(harness.dataSource).merge(mergeId, survivor, retired);
      const outcome = merging.then(
        (counts) => ({ counts }),
        (error: unknown) => ({ error }),
      );
      await pause(300); // the step holds the gate and waits for the retired id's lock
      // The step waited first, so its deadlock check runs first and picks it as the victim; the writer goes on.
      await writer.query(`SELECT pg_advisory_xact_lock_shared(hashtext('c360-customer-gate'), hashtext('transactions'))`);
      await writer.commitTransaction();
      expect(await outcome).toEqual({ counts: [{ table: 'transactions.customer_order', rows: 1 }] });
    } finally {
      if (writer.isTransactionActive) await writer.rollbackTransaction();
      await writer.release();
    }
    expect(await recorded(mergeId)).toEqual([[RETIRED_ID_MOVE, 1], ['transactions.customer_order', 1]].sort());
    expect([await ordersOf(retired), await ordersOf(survivor)]).toEqual([0, 1]);
  });
});
