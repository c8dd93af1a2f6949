import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Profile merges in the consent ledgers: aliases of retired ids, and the events a merge appended (for an unmerge). */
export class ConsentMerges1732300141000 implements MigrationInterface {
  name = 'ConsentMerges1732300141000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Both ledgers are append-only: their rows stay on the id they were recorded for, and a retired
    // id is read as part of its survivor through this alias.
    await queryRunner.query(`
      CREATE TABLE consent.customer_alias (
        alias_id uuid PRIMARY KEY,
        survivor_id uuid NOT NULL,
        merge_id uuid NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX customer_alias_survivor ON consent.customer_alias (survivor_id)`);
    // The ledger events a merge appended to make consent the most restrictive of the two profiles.
    await queryRunner.query(`
      CREATE TABLE consent.merge_consent_event (
        merge_id uuid NOT NULL,
        event_id uuid NOT NULL PRIMARY KEY,
        customer_id uuid NOT NULL,
        purpose_code text NOT NULL,
        partner_id text,
        prior_status text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX merge_consent_event_merge ON consent.merge_consent_event (merge_id)`);
    await queryRunner.query(`ALTER TABLE consent.consent_event DROP CONSTRAINT consent_event_channel_check`);
    await queryRunner.query(`ALTER TABLE consent.consent_event ADD CONSTRAINT consent_event_channel_check CHECK (channel IN ('WEB', 'MOBILE', 'STORE', 'CALL_CENTER', 'EMAIL', 'PAPER', 'API', 'MERGE'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consent.consent_event DROP CONSTRAINT consent_event_channel_check`);
    await queryRunner.query(`ALTER TABLE consent.consent_event ADD CONSTRAINT consent_event_channel_check CHECK (channel IN ('WEB', 'MOBILE', 'STORE', 'CALL_CENTER', 'EMAIL', 'PAPER', 'API'))`);
    await queryRunner.query(`DROP TABLE consent.merge_consent_event`);
    await queryRunner.query(`DROP TABLE consent.customer_alias`);
  }
}
