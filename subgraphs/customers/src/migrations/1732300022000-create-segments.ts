import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Named, versioned segments and the materialised membership of each segment's current version. */
export class CreateSegments1732300022000 implements MigrationInterface {
  name = 'CreateSegments1732300022000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customers.segment (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        current_version integer NOT NULL,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX segment_name ON customers.segment (lower(name))`);
    await queryRunner.query(`CREATE INDEX segment_created_keyset ON customers.segment (created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE customers.segment_version (
        segment_id uuid NOT NULL REFERENCES customers.segment (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        description text,
        rule jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz(3) NOT NULL,
        evaluated_at timestamptz(3),
        member_count integer,
        PRIMARY KEY (segment_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE customers.segment_member (
        segment_id uuid NOT NULL,
        version integer NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers.customer (id) ON DELETE CASCADE,
        PRIMARY KEY (segment_id, version, customer_id),
        FOREIGN KEY (segment_id, version) REFERENCES customers.segment_version (segment_id, version) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX segment_member_customer ON customers.segment_member (customer_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customers.segment_member`);
    await queryRunner.query(`DROP TABLE customers.segment_version`);
    await queryRunner.query(`DROP TABLE customers.segment`);
  }
}
