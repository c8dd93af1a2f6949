import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each segment version declares the purpose its members are evaluated for (predicates are reads:
 * a condition only matches customers whose consent releases its category to that purpose).
 * Versions written before were evaluated by the background refresh as PROFILING, so they keep that.
 */
export class AddSegmentPurpose1732300052000 implements MigrationInterface {
  name = 'AddSegmentPurpose1732300052000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customers.segment_version ADD COLUMN purpose text NOT NULL DEFAULT 'PROFILING'`);
    await queryRunner.query(`ALTER TABLE customers.segment_version ALTER COLUMN purpose DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customers.segment_version DROP COLUMN purpose`);
  }
}
