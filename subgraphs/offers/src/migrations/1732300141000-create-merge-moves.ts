import type { MigrationInterface, QueryRunner } from 'typeorm';
import { mergeMoveTableSql } from '@c360/shared';

/** Which rows a profile merge moved here, so an unmerge moves back exactly those. */
export class CreateMergeMoves1732300141000 implements MigrationInterface {
  name = 'CreateMergeMoves1732300141000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(mergeMoveTableSql('offers'));
    await queryRunner.query(`CREATE INDEX merge_move_to ON offers.merge_move (to_customer)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE offers.merge_move`);
  }
}
