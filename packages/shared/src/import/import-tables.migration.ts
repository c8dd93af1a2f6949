import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The import job and bad-row tables, created in the schema of each subgraph that owns import
 * kinds (the job lives next to the data it merged). A subgraph's migration extends this with
 * its schema and its own timestamped name.
 */
export function importTablesMigration(schema: string, name: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE ${schema}.import_job (
          id uuid PRIMARY KEY,
          kind text NOT NULL,
          source_system text NOT NULL,
          client_id text NOT NULL,
          state text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
          failure text,
          rows_read bigint NOT NULL DEFAULT 0,
          rows_inserted bigint NOT NULL DEFAULT 0,
          rows_updated bigint NOT NULL DEFAULT 0,
          rows_unchanged bigint NOT NULL DEFAULT 0,
          rows_rejected bigint NOT NULL DEFAULT 0,
          last_line bigint NOT NULL DEFAULT 0,
          bytes_read bigint NOT NULL DEFAULT 0,
          stage_ms bigint NOT NULL DEFAULT 0,
          validate_ms bigint NOT NULL DEFAULT 0,
          merge_ms bigint NOT NULL DEFAULT 0,
          after_import_ms bigint,
          started_at timestamptz(3) NOT NULL,
          updated_at timestamptz(3) NOT NULL,
          finished_at timestamptz(3)
        )`);
      await queryRunner.query(`
        CREATE TABLE ${schema}.import_bad_row (
          job_id uuid NOT NULL REFERENCES ${schema}.import_job (id) ON DELETE CASCADE,
          line_no bigint NOT NULL,
          field text NOT NULL,
          reason text NOT NULL,
          PRIMARY KEY (job_id, line_no)
        )`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE ${schema}.import_bad_row`);
      await queryRunner.query(`DROP TABLE ${schema}.import_job`);
    }
  };
}
