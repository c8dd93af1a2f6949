import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Targeting rules of the offer engine: who (segments, lifecycle, value) and how often (frequency cap). */
export class AddOfferTargeting1732300031000 implements MigrationInterface {
  name = 'AddOfferTargeting1732300031000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE offers.offer
        ADD COLUMN target_segment_ids text[] NOT NULL DEFAULT '{}',
        ADD COLUMN target_lifecycle_stages text[] NOT NULL DEFAULT '{}'
          CHECK (target_lifecycle_stages <@ ARRAY['PROSPECT', 'NEW', 'ACTIVE', 'AT_RISK', 'LAPSED']::text[]),
        ADD COLUMN min_monetary numeric(12,2) CHECK (min_monetary >= 0),
        ADD COLUMN min_predicted_value numeric(12,2) CHECK (min_predicted_value >= 0),
        ADD COLUMN max_churn_risk numeric(5,4) CHECK (max_churn_risk BETWEEN 0 AND 1),
        ADD COLUMN frequency_cap int CHECK (frequency_cap > 0),
        ADD COLUMN frequency_cap_days int CHECK (frequency_cap_days > 0),
        ADD CONSTRAINT offer_frequency_cap_pair CHECK ((frequency_cap IS NULL) = (frequency_cap_days IS NULL))`);
    // Exposure counts per (customer, offer) for frequency caps and the recency penalty.
    await queryRunner.query(`CREATE INDEX offer_response_shown ON offers.offer_response (customer_id, offer_id, occurred_at) WHERE type = 'SHOWN'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX offers.offer_response_shown`);
    await queryRunner.query(`
      ALTER TABLE offers.offer
        DROP CONSTRAINT offer_frequency_cap_pair,
        DROP COLUMN frequency_cap_days,
        DROP COLUMN frequency_cap,
        DROP COLUMN max_churn_risk,
        DROP COLUMN min_predicted_value,
        DROP COLUMN min_monetary,
        DROP COLUMN target_lifecycle_stages,
        DROP COLUMN target_segment_ids`);
  }
}
