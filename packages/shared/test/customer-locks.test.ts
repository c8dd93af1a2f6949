import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { lockCustomers, lockMergeParties, openServiceDataSource, type Storage } from '@c360/shared';
import { openTestStorage, storageLabel } from '@c360/shared/testing';

const SCHEMA = 'customer_locks_test';

/**
 * A write through an import batch's statements (lockMergeParties) and a merge, unmerge or erasure step
 * (lockCustomers) serialise only if they take the very same lock for an id: one scheme, whatever the
 * spelling of the id.
 */
describe(`customer locks (${storageLabel()})`, () => {
  let storage: Storage;
  let db: DataSource;

  beforeAll(async () => {
    storage = await openTestStorage([SCHEMA]);
    db = await openServiceDataSource(storage, { service: SCHEMA, schema: SCHEMA, entities: [], migrations: [] });
  });
  afterAll(async () => {
    await db.destroy();
    await storage.close();
  });

  /** The advisory locks this transaction holds, by key. */
  const heldKeys = async (manager: EntityManager) =>
    ((await manager.query(`SELECT objid::bigint AS objid FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() ORDER BY objid`)) as { objid: number }[]).map((r) => Number(r.objid));
  const viaParties = (manager: EntityManager, ids: string[]) => lockMergeParties((sql, params) => manager.query(sql, params), ids);

  it('lockMergeParties takes the locks lockCustomers takes, for an id in any case', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const byCustomers = await db.transaction(async (manager) => (await lockCustomers(manager, [a.toUpperCase(), b]), heldKeys(manager)));
    const byParties = await db.transaction(async (manager) => (await viaParties(manager, [a, b.toUpperCase()]), heldKeys(manager)));
    const byBoth = await db.transaction(async (manager) => {
      await lockCustomers(manager, [a, b]);
      await viaParties(manager, [a.toUpperCase(), b]);
      return heldKeys(manager);
    });
    expect(byCustomers).toHaveLength(2);
    expect(byParties).toEqual(byCustomers);
    expect(byBoth).toEqual(byCustomers);
  });
});
