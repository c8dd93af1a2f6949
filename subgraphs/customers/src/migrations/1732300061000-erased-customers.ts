import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tombstones of erased customer ids (feeds learn SUBJECT_ERASED, not NOT_FOUND); no request id on any tombstone. */
export class UnlinkableErasedCustomers1732300061000 implements MigrationInterface {
  name = 'UnlinkableErasedCustomers1732300061000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customers.erased_identity DROP COLUMN request_id`);
    await queryRunner.query(`
      CREATE TABLE customers.erased_customer (
        customer_hash text PRIMARY KEY CHECK (customer_hash ~ '^[0-9a-f]{64}$'),
        erased_at timestamptz(3) NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customers.erased_customer`);
    await queryRunner.query(`ALTER TABLE customers.erased_identity ADD COLUMN request_id uuid`);
  }
}
