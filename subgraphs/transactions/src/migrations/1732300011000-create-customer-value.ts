import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer value analysis: one derived row per purchasing customer, and the last full refresh. */
export class CreateCustomerValue1732300011000 implements MigrationInterface {
  name = 'CreateCustomerValue1732300011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transactions.customer_value (
        customer_id uuid PRIMARY KEY,
        currency char(3) NOT NULL,
        order_count integer NOT NULL,
        first_purchase_at timestamptz(3) NOT NULL,
        last_purchase_at timestamptz(3) NOT NULL,
        recency_days integer NOT NULL,
        frequency integer NOT NULL,
        monetary numeric(12,2) NOT NULL,
        recency_score smallint CHECK (recency_score BETWEEN 1 AND 5),
        frequency_score smallint CHECK (frequency_score BETWEEN 1 AND 5),
        monetary_score smallint CHECK (monetary_score BETWEEN 1 AND 5),
        segment text,
        historical_value numeric(12,2) NOT NULL,
        predicted_value numeric(12,2) NOT NULL,
        churn_risk float8 NOT NULL CHECK (churn_risk BETWEEN 0 AND 1),
        lifecycle_stage text NOT NULL,
        window_days integer NOT NULL,
        scores_as_of timestamptz(3),
        refreshed_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE transactions.customer_value_refresh (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        refreshed_at timestamptz(3) NOT NULL,
        window_days integer NOT NULL,
        customers_valued integer NOT NULL,
        customers_scored integer NOT NULL,
        prior_interval_days float8 NOT NULL,
        retention_rate float8,
        expected_lifetime_years float8 NOT NULL,
        recency_edges integer[] NOT NULL,
        frequency_edges integer[] NOT NULL,
        monetary_edges numeric(12,2)[] NOT NULL,
        duration_ms integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE transactions.customer_value_refresh`);
    await queryRunner.query(`DROP TABLE transactions.customer_value`);
  }
}
