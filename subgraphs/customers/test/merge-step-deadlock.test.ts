import { randomUUID } from 'node:crypto';
import { deadlockVictimOnce, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { MergeRepository } from '../src/merge/merge.repository';
import { createCustomer } from './segment-fixtures';

/**
 * This subgraph's merge and unmerge steps, chosen as a deadlock's victim (rolled back whole), run again
 * instead of failing the merge (which would be compensated in every other subgraph), and leave what one run leaves.
 */
describe(`the customers merge step chosen as a deadlock's victim on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  const profiles = async (ids: string[]) => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM customers.customer WHERE id = ANY($1::uuid[])`, [ids]))[0].n);
  const aliases = async (id: string) => Number((await harness.dataSource.query(`SELECT count(*)::int AS n FROM customers.customer_alias WHERE alias_id = $1`, [id]))[0].n);

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
  });
  afterAll(() => harness.close());

  it('merge and unmerge steps run again whole: the retired profile goes and comes back once', async () => {
    const [survivor, retired, mergeId] = [await createCustomer(harness, 'Ada'), await createCustomer(harness, 'Ada'), randomUUID()];
    const now = new Date();
    expect(await new MergeRepository(harness.dataSource).open({ id: mergeId, survivorId: survivor, mergedId: retired, requestedBy: 'test', now, undoUntil: new Date(now.getTime() + 3_600_000) })).toBeNull();

    const merging = deadlockVictimOnce(harness.dataSource, /UPDATE customers\.customer_merge SET retired_profile = \$2/);
    const merged = await new MergeRepository(merging.dataSource).mergeLocal(mergeId, survivor, retired, now);
    expect(merging.victims()).toBe(1);
    expect(merged).toContainEqual({ table: 'customers.customer', rows: 1 });
    expect([await profiles([survivor, retired]), await aliases(retired)]).toEqual([1, 1]);

    const record = await new MergeRepository(harness.dataSource).find(mergeId);
    const unmerging = deadlockVictimOnce(harness.dataSource, /UPDATE customers\.customer_merge SET retired_profile = NULL/);
    const restored = await new MergeRepository(unmerging.dataSource).unmergeLocal(record!);
    expect(unmerging.victims()).toBe(1);
    expect(restored).toContainEqual({ table: 'customers.customer', rows: 1 });
    expect([await profiles([survivor, retired]), await aliases(retired)]).toEqual([2, 0]);
  });
});
