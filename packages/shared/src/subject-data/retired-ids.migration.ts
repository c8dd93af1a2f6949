import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RETIRED_ID_MOVE } from './retired-customers';
import { mergeRetirements } from './merge-retirements';

/**
 * For a subgraph whose merge step is CustomerRowMoves: every write looks its named id up among the
 * retirement markers of `<schema>.merge_move`, so they get their own small index; merges made before
 * the markers existed get one from the rows they moved, not from alias writes noted under them (a
 * merge that moved nothing here has none). Corrected after it ran: see repairRetiredIdsMigration.
 */
export function retiredIdsMigration(schema: string): new () => MigrationInterface {
  if (!/^[a-z_]+$/.test(schema)) throw new Error('retired ids: bad schema name');
  return class IndexRetiredIds1732300215000 implements MigrationInterface {
    name = 'IndexRetiredIds1732300215000';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(
        `INSERT INTO "${schema}".merge_move (merge_id, table_name, row_id, from_customer, to_customer)
         SELECT r.merge_id, '${RETIRED_ID_MOVE}', r.retired_id, r.retired_id, r.survivor_id FROM (${mergeRetirements(schema)}) r
          WHERE NOT EXISTS (SELECT 1 FROM "${schema}".merge_move m WHERE m.merge_id = r.merge_id AND m.table_name = '${RETIRED_ID_MOVE}')`,
      );
      await queryRunner.query(`CREATE INDEX merge_move_retired ON "${schema}".merge_move (row_id) WHERE table_name = '${RETIRED_ID_MOVE}'`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP INDEX "${schema}".merge_move_retired`);
      await queryRunner.query(`DELETE FROM "${schema}".merge_move WHERE table_name = '${RETIRED_ID_MOVE}'`);
    }
  };
}
