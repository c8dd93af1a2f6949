import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tombstones keep no request id: it led back to the subject request, and so to the customer. */
export class UnlinkableErasure1732300061000 implements MigrationInterface {
  name = 'UnlinkableErasure1732300061000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE offers.erased_customer DROP COLUMN request_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE offers.erased_customer ADD COLUMN request_id uuid`);
  }
}
