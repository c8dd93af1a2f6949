import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every release of a customer's personal data to a partner: append-only, like the consent ledger. */
export class CreateDisclosureLedger1732300014000 implements MigrationInterface {
  name = 'CreateDisclosureLedger1732300014000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent.disclosure (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        disclosed_at timestamptz(3) NOT NULL,
        customer_id uuid NOT NULL,
        partner_id text REFERENCES consent.partner (id),
        client_id text NOT NULL,
        caller_kind text NOT NULL,
        purpose_code text NOT NULL,
        categories text[] NOT NULL,
        consent_event_ids uuid[] NOT NULL,
        subgraph text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX disclosure_by_customer ON consent.disclosure (customer_id, seq DESC)`);
    await queryRunner.query(`
      CREATE TRIGGER disclosure_append_only BEFORE UPDATE OR DELETE ON consent.disclosure
      FOR EACH ROW EXECUTE FUNCTION consent.refuse_ledger_change()`);
    await queryRunner.query(`
      CREATE TRIGGER disclosure_no_truncate BEFORE TRUNCATE ON consent.disclosure
      FOR EACH STATEMENT EXECUTE FUNCTION consent.refuse_ledger_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent.disclosure`);
  }
}
