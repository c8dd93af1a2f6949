import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Full value refreshes started on demand run as jobs; the partial unique index lets at most one run at a time, across processes. */
export class CreateValueRefreshJob1732300110000 implements MigrationInterface {
  name = 'CreateValueRefreshJob1732300110000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transactions.value_refresh_job (
        id uuid PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        customers_valued integer,
        customers_scored integer,
        duration_ms integer,
        failure text
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX value_refresh_job_one_running ON transactions.value_refresh_job ((true)) WHERE state = 'RUNNING'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE transactions.value_refresh_job');
  }
}
