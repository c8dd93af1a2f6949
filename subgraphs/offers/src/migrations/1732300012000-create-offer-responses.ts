import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOfferResponses1732300012000 implements MigrationInterface {
  name = 'CreateOfferResponses1732300012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE offers.campaign
        ADD COLUMN holdout_percent numeric(4,2) NOT NULL DEFAULT 0 CHECK (holdout_percent BETWEEN 0 AND 50),
        ADD COLUMN holdout_seed int NOT NULL DEFAULT 0 CHECK (holdout_seed >= 0)`);
    await queryRunner.query(`
      CREATE TABLE offers.offer_response (
        id uuid PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        offer_id uuid NOT NULL REFERENCES offers.offer (id),
        customer_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('SHOWN', 'CLICKED', 'ACCEPTED', 'REDEEMED', 'DECLINED')),
        channel text NOT NULL,
        occurred_at timestamptz(3) NOT NULL,
        order_id uuid,
        revenue numeric(12,2) CHECK (revenue >= 0),
        recorded_at timestamptz(3) NOT NULL,
        CHECK ((type = 'REDEEMED') = (order_id IS NOT NULL)),
        CHECK (revenue IS NULL OR type = 'REDEEMED')
      )`);
    // Keyset pages, newest first, per offer and per customer; the offer index also serves campaign performance.
    await queryRunner.query(`CREATE INDEX offer_response_by_offer ON offers.offer_response (offer_id, occurred_at, id)`);
    await queryRunner.query(`CREATE INDEX offer_response_by_customer ON offers.offer_response (customer_id, occurred_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE offers.offer_response`);
    await queryRunner.query(`ALTER TABLE offers.campaign DROP COLUMN holdout_seed, DROP COLUMN holdout_percent`);
  }
}
