import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RETIRED_ID_MOVE } from './retired-customers';
import { mergeRetirements } from './merge-retirements';

/**
 * Repairs the retirement markers the first backfill (IndexRetiredIds) wrote for merges made before the
 * markers: it copied any one row of each merge, and for a chained merge that could be an alias write
 * naming the end of the chain (b to c under b into a), so writes through b skipped a hop. A marker
 * copied from a row of its merge (what that backfill wrote) and disagreeing with the merge's moved rows
 * is rewritten from them; a marker a merge step wrote names no other pair and is left as it is.
 * Listed by every subgraph that lists retiredIdsMigration, after it.
 */
export function repairRetiredIdsMigration(schema: string): new () => MigrationInterface {
  if (!/^[a-z_]+$/.test(schema)) throw new Error('retired ids repair: bad schema name');
  return class RepairRetiredIds1732300216000 implements MigrationInterface {
    name = 'RepairRetiredIds1732300216000';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(
        `UPDATE "${schema}".merge_move m SET row_id = r.retired_id, from_customer = r.retired_id, to_customer = r.survivor_id
           FROM (${mergeRetirements(schema)}) r
          WHERE m.merge_id = r.merge_id AND m.table_name = '${RETIRED_ID_MOVE}'
            AND (m.row_id, m.to_customer) <> (r.retired_id, r.survivor_id)
            AND EXISTS (SELECT 1 FROM "${schema}".merge_move c WHERE c.merge_id = m.merge_id AND c.table_name <> '${RETIRED_ID_MOVE}' AND (c.from_customer, c.to_customer) = (m.row_id, m.to_customer))`,
      );
    }

    /** Nothing to undo: the markers it rewrote were wrong, and the earlier migration's down removes them all. */
    async down(): Promise<void> {}
  };
}
