import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each level a bulk stock import received, by snapshot and sku: a snapshot streamed in many
 * batches (or files) is idempotent per row, and a re-sent row with another level is told apart
 * from a replay. `applied` is false where the sku already had a level as of the same time or later.
 * The snapshot id is not a foreign key: the ERP migration's down drops stock_snapshot on its own.
 */
export class CreateStockSnapshotLevels1732300106100 implements MigrationInterface {
  name = 'CreateStockSnapshotLevels1732300106100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transactions.stock_snapshot_level (
        snapshot_id text NOT NULL,
        sku text NOT NULL REFERENCES transactions.product (sku),
        level integer NOT NULL,
        applied boolean NOT NULL,
        job_id uuid NOT NULL,
        line_no bigint NOT NULL,
        PRIMARY KEY (snapshot_id, sku)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE transactions.stock_snapshot_level`);
  }
}
