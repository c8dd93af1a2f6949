import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tombstones of erased customers: no consent is recorded for them after the erasure. */
export class ConsentErasedCustomers1732300061000 implements MigrationInterface {
  name = 'ConsentErasedCustomers1732300061000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent.erased_customer (
        customer_hash text PRIMARY KEY CHECK (customer_hash ~ '^[0-9a-f]{64}$'),
        erased_at timestamptz(3) NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent.erased_customer`);
  }
}
