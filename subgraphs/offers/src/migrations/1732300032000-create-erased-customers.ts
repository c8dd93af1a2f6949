import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tombstones of erased customers (a hash of the customer id): responses for them are refused. */
export class CreateErasedCustomers1732300032000 implements MigrationInterface {
  name = 'CreateErasedCustomers1732300032000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE offers.erased_customer (
        customer_hash text PRIMARY KEY CHECK (customer_hash ~ '^[0-9a-f]{64}$'),
        request_id uuid NOT NULL,
        erased_at timestamptz(3) NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE offers.erased_customer`);
  }
}
