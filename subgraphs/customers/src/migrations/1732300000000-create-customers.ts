import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomers1732300000000 implements MigrationInterface {
  name = 'CreateCustomers1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customers.customer (
        id uuid PRIMARY KEY,
        display_name text NOT NULL,
        given_name text,
        family_name text,
        email text,
        phone text,
        birth_date date,
        address_line1 text,
        address_line2 text,
        postal_code text,
        city text,
        region text,
        country_code text,
        locale text NOT NULL,
        acquisition_channel text NOT NULL,
        acquisition_source text,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX customer_created_keyset ON customers.customer (created_at, id)`);
    await queryRunner.query(`CREATE INDEX customer_email ON customers.customer (lower(email))`);
    await queryRunner.query(`
      CREATE TABLE customers.external_identity (
        system text NOT NULL,
        external_id text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers.customer (id) ON DELETE CASCADE,
        PRIMARY KEY (system, external_id)
      )`);
    await queryRunner.query(`CREATE INDEX external_identity_customer ON customers.external_identity (customer_id)`);
    await queryRunner.query(`
      CREATE TABLE customers.interaction (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers.customer (id) ON DELETE CASCADE,
        channel text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PASSIVE', 'ACTIVE')),
        type text NOT NULL,
        occurred_at timestamptz(3) NOT NULL,
        attributes jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX interaction_timeline ON customers.interaction (customer_id, occurred_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customers.interaction`);
    await queryRunner.query(`DROP TABLE customers.external_identity`);
    await queryRunner.query(`DROP TABLE customers.customer`);
  }
}
