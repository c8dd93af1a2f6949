import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOffers1732300002000 implements MigrationInterface {
  name = 'CreateOffers1732300002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE offers.campaign (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        description text,
        objective text,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED')),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3),
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CHECK (ends_at IS NULL OR ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX campaign_created_keyset ON offers.campaign (created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE offers.offer (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES offers.campaign (id),
        name text NOT NULL,
        headline text NOT NULL,
        description text,
        benefit_type text NOT NULL CHECK (benefit_type IN ('PERCENT_DISCOUNT', 'AMOUNT_DISCOUNT', 'FREE_SHIPPING', 'GIFT', 'LOYALTY_POINTS')),
        benefit_value numeric(12,2),
        currency text,
        valid_from timestamptz(3) NOT NULL,
        valid_until timestamptz(3) NOT NULL,
        channel text NOT NULL,
        personalisation_type text NOT NULL CHECK (personalisation_type IN ('COSMETIC', 'ADAPTIVE', 'TRANSPARENT', 'COLLABORATIVE')),
        consent_purpose text NOT NULL CHECK (consent_purpose IN ('MARKETING', 'PERSONALISATION')),
        priority int NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'EXPIRED')),
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CHECK (valid_until > valid_from)
      )`);
    await queryRunner.query(`CREATE INDEX offer_created_keyset ON offers.offer (created_at, id)`);
    await queryRunner.query(`CREATE INDEX offer_campaign ON offers.offer (campaign_id)`);
    // Eligibility scans live offers on every request that asks for them.
    await queryRunner.query(`CREATE INDEX offer_live ON offers.offer (valid_until) WHERE status = 'ACTIVE'`);
    await queryRunner.query(`
      CREATE TABLE offers.offer_product (
        offer_id uuid NOT NULL REFERENCES offers.offer (id) ON DELETE CASCADE,
        sku text NOT NULL,
        position int NOT NULL,
        PRIMARY KEY (offer_id, sku)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE offers.offer_product`);
    await queryRunner.query(`DROP TABLE offers.offer`);
    await queryRunner.query(`DROP TABLE offers.campaign`);
  }
}
