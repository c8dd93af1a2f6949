import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure tombstones: a keyed hash of every (system, external id) of an erased customer, so
 * re-ingesting an old record does not bring the person back. The key is random per database.
 */
export class CreateErasureTombstones1732300021000 implements MigrationInterface {
  name = 'CreateErasureTombstones1732300021000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customers.erasure_key (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        key text NOT NULL
      )`);
    // gen_random_uuid() draws from the server's strong random source (core PostgreSQL, PGlite too).
    await queryRunner.query(`INSERT INTO customers.erasure_key (key) VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))`);
    await queryRunner.query(`
      CREATE TABLE customers.erased_identity (
        identity_hash text PRIMARY KEY CHECK (identity_hash ~ '^[0-9a-f]{64}$'),
        request_id uuid NOT NULL,
        erased_at timestamptz(3) NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customers.erased_identity`);
    await queryRunner.query(`DROP TABLE customers.erasure_key`);
  }
}
