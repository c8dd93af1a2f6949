import { randomUUID } from 'node:crypto';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { mergeMoveTableSql, openServiceDataSource, repairRetiredIdsMigration, RETIRED_ID_MOVE, retiredIdsMigration, type Storage } from '@c360/shared';
import { openTestStorage, storageLabel } from '@c360/shared/testing';

const FRESH = 'retired_ids_fresh';
const UNDONE = 'retired_ids_undone';
const REPAIRED = 'retired_ids_repaired';

const [a, b, c, d, e, f, g, h, k] = Array.from({ length: 9 }, () => randomUUID());
const [m1, m2, m3, m4, m5] = Array.from({ length: 5 }, () => randomUUID());
type Move = [mergeId: string, from: string, to: string];

/**
 * Before the markers: b into a (m1), then a into c (m2), then c into d (m3); e into f (m4) alone. Each
 * merge step moved the retired id's orders; writes through a retired id were noted as the customers
 * subgraph resolved it then, under the merge that retired the id, to the end of the chain. Alias writes
 * come first, so a backfill that takes any one row of a merge takes one of them.
 */
const beforeMarkers: Move[] = [
  [m1, b, c], // an order through b after a into c
  [m1, b, d], // one through b after c into d
  [m2, a, d], // one through a after c into d
  [m2, b, c], // one noted under a later merge of the chain, naming an earlier alias
  [m1, b, a], // b's orders, moved by b into a
  [m1, b, a],
  [m1, b, a], // one through b before a into c
  [m2, a, c], // a's orders (b's among them), moved by a into c
  [m2, a, c],
  [m2, a, c],
  [m3, c, d],
  [m4, e, f],
];

const seed = (schema: string, moves: Move[]) =>
  class SeedMergeMoves1732300141000 implements MigrationInterface {
    name = 'SeedMergeMoves1732300141000';
    async up(runner: QueryRunner) {
      await runner.query(mergeMoveTableSql(`"${schema}"`));
      for (const [mergeId, from, to] of moves) {
        await runner.query(`INSERT INTO "${schema}".merge_move VALUES ($1, 'orders', $2, $3, $4)`, [mergeId, randomUUID(), from, to]);
      }
    }
    async down() {}
  };

const markers = async (db: DataSource, schema: string) =>
  (await db.query(`SELECT merge_id, row_id, from_customer, to_customer FROM "${schema}".merge_move WHERE table_name = $1`, [RETIRED_ID_MOVE])).map(
    (r: Record<string, string>) => [r.merge_id, r.row_id, r.from_customer, r.to_customer],
  );
const expected = [
  [m1, b, b, a],
  [m2, a, a, c],
  [m3, c, c, d],
  [m4, e, e, f],
];
const sorted = (rows: string[][]) => [...rows].sort((x, y) => x[0].localeCompare(y[0]));

describe(`retirement markers of merges made before them (${storageLabel()})`, () => {
  let storage: Storage;
  const opened: DataSource[] = [];
  const open = async (schema: string, migrations: (new () => MigrationInterface)[]) => {
    const db = await openServiceDataSource(storage, { service: schema, schema, entities: [], migrations });
    opened.push(db);
    return db;
  };

  beforeAll(async () => {
    storage = await openTestStorage([FRESH, REPAIRED, UNDONE]);
  });
  afterAll(async () => {
    for (const db of opened) await db.destroy();
    await storage.close();
  });

  it('the backfill names each merge by the rows it moved, never by an alias write noted under it', async () => {
    const db = await open(FRESH, [seed(FRESH, beforeMarkers), retiredIdsMigration(FRESH)]);
    expect(sorted(await markers(db, FRESH))).toEqual(sorted(expected));
  });

  it('the repair rewrites markers the first backfill copied from alias writes, and leaves those a merge step wrote', async () => {
    // What the first backfill wrote from alias writes (m1, m2), or from moved rows (m3, m4); m5 is a merge
    // step's own marker (g into h, nothing moved here) with a write through g noted as given.
    const firstBackfill = class IndexRetiredIds1732300215000 implements MigrationInterface {
      name = 'IndexRetiredIds1732300215000';
      async up(runner: QueryRunner) {
        const written: Move[] = [[m1, b, c], [m2, b, c], [m3, c, d], [m4, e, f], [m5, g, h]];
        for (const [mergeId, from, to] of written) {
          await runner.query(`INSERT INTO "${REPAIRED}".merge_move VALUES ($1, $2, $3, $3, $4)`, [mergeId, RETIRED_ID_MOVE, from, to]);
        }
        await runner.query(`INSERT INTO "${REPAIRED}".merge_move VALUES ($1, 'orders', $2, $3, $4)`, [m5, randomUUID(), g, k]);
      }
      async down() {}
    };
    const db = await open(REPAIRED, [seed(REPAIRED, beforeMarkers), firstBackfill, repairRetiredIdsMigration(REPAIRED)]);
    expect(sorted(await markers(db, REPAIRED))).toEqual(sorted([...expected, [m5, g, g, h]]));
  });

  /*
   * Review finding: a merge's own pair is ambiguous once a later merge of its chain was undone.
   * Before the markers: y into x (u1) moved y's orders y->x; x into z (u2) moved x's (y's among them) x->z;
   * an order through y was then noted under u1 alone as y->z (the old single-hop note); u2 was undone,
   * which moved back and forgot only u2's rows, so u1 keeps y->x AND the stale y->z. Nothing links x to z
   * any more and neither pair skips a hop of the other: the pair that moved more rows is the merge's own
   * (ids fixed so the wrong pair sorts first by id).
   */
  it('a merge whose later chain merge was undone keeps its own survivor, not a stale alias write', async () => {
    const x = 'bbbbbbbb-0000-4000-8000-000000000001';
    const y = 'cccccccc-0000-4000-8000-000000000001';
    const z = 'aaaaaaaa-0000-4000-8000-000000000001';
    const u1 = 'dddddddd-0000-4000-8000-000000000001';
    // u2's own rows are gone (the unmerge deleted them); y's orders moved back to x.
    const db = await open(UNDONE, [seed(UNDONE, [[u1, y, z], [u1, y, x], [u1, y, x]]), retiredIdsMigration(UNDONE)]);
    expect(await markers(db, UNDONE)).not.toContainEqual([u1, y, y, z]);
  });
});
