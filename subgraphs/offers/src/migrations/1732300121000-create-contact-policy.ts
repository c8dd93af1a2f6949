import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The customer-level contact policy: at most N offers SHOWN per channel within D days, across every campaign. */
export class CreateContactPolicy1732300121000 implements MigrationInterface {
  name = 'CreateContactPolicy1732300121000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE offers.contact_policy (
        channel text PRIMARY KEY,
        max_shown integer NOT NULL CHECK (max_shown BETWEEN 0 AND 1000),
        within_days integer NOT NULL CHECK (within_days BETWEEN 1 AND 365),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Counting a customer's SHOWN responses per channel in a window reads this index, not the whole table.
    await queryRunner.query(`CREATE INDEX offer_response_shown_by_channel ON offers.offer_response (customer_id, channel, occurred_at) WHERE type = 'SHOWN'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX offers.offer_response_shown_by_channel');
    await queryRunner.query('DROP TABLE offers.contact_policy');
  }
}
