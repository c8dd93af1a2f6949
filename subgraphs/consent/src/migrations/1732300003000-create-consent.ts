import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsent1732300003000 implements MigrationInterface {
  name = 'CreateConsent1732300003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent.purpose (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
        name text NOT NULL,
        description text NOT NULL,
        legal_basis text NOT NULL CHECK (legal_basis IN ('CONTRACT', 'LEGITIMATE_INTEREST', 'CONSENT')),
        partner_scoped boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE consent.notice (
        id uuid PRIMARY KEY,
        purpose_code text NOT NULL REFERENCES consent.purpose (code),
        version int NOT NULL CHECK (version > 0),
        title text NOT NULL,
        summary text NOT NULL,
        published_at timestamptz(3) NOT NULL,
        UNIQUE (purpose_code, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE consent.partner (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL
      )`);
    // seq is the ledger order (latest appended wins, and a later hash chain follows it); recorded_at is when.
    await queryRunner.query(`
      CREATE TABLE consent.consent_event (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        customer_id uuid NOT NULL,
        purpose_code text NOT NULL REFERENCES consent.purpose (code),
        partner_id text REFERENCES consent.partner (id),
        status text NOT NULL CHECK (status IN ('GRANTED', 'DENIED', 'WITHDRAWN')),
        notice_version int,
        channel text NOT NULL CHECK (channel IN ('WEB', 'MOBILE', 'STORE', 'CALL_CENTER', 'EMAIL', 'PAPER', 'API')),
        client_id text NOT NULL,
        recorded_at timestamptz(3) NOT NULL,
        FOREIGN KEY (purpose_code, notice_version) REFERENCES consent.notice (purpose_code, version)
      )`);
    await queryRunner.query(`CREATE INDEX consent_event_latest ON consent.consent_event (customer_id, purpose_code, partner_id, seq DESC)`);
    await queryRunner.query(`CREATE INDEX consent_event_history ON consent.consent_event (customer_id, seq DESC)`);
    await queryRunner.query(`
      CREATE FUNCTION consent.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'consent.% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER consent_event_append_only BEFORE UPDATE OR DELETE ON consent.consent_event
      FOR EACH ROW EXECUTE FUNCTION consent.refuse_ledger_change()`);
    // Row triggers do not see TRUNCATE, so it gets its own statement-level trigger.
    await queryRunner.query(`
      CREATE TRIGGER consent_event_no_truncate BEFORE TRUNCATE ON consent.consent_event
      FOR EACH STATEMENT EXECUTE FUNCTION consent.refuse_ledger_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER consent_event_no_truncate ON consent.consent_event`);
    await queryRunner.query(`DROP TRIGGER consent_event_append_only ON consent.consent_event`);
    await queryRunner.query(`DROP FUNCTION consent.refuse_ledger_change()`);
    await queryRunner.query(`DROP TABLE consent.consent_event`);
    await queryRunner.query(`DROP TABLE consent.partner`);
    await queryRunner.query(`DROP TABLE consent.notice`);
    await queryRunner.query(`DROP TABLE consent.purpose`);
  }
}
