import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pseudonyms stay unlinkable: tombstones keep no request id, de-identified orders only the day. */
export class UnlinkableErasure1732300061000 implements MigrationInterface {
  name = 'UnlinkableErasure1732300061000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE transactions.erased_customer DROP COLUMN request_id`);
    await queryRunner.query(`UPDATE transactions.customer_order SET deidentified_at = date_trunc('day', deidentified_at, 'UTC') WHERE deidentified_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE transactions.erased_customer ADD COLUMN request_id uuid`);
  }
}
