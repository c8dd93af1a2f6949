import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consent words a caller recorded through a retired id during a merge (appended to the survivor): an unmerge gives them back. */
export class ConsentMergeAliasEvents1732300170000 implements MigrationInterface {
  name = 'ConsentMergeAliasEvents1732300170000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent.merge_alias_event (
        merge_id uuid NOT NULL,
        event_id uuid NOT NULL PRIMARY KEY,
        alias_id uuid NOT NULL,
        survivor_id uuid NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX merge_alias_event_merge ON consent.merge_alias_event (merge_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent.merge_alias_event`);
  }
}
