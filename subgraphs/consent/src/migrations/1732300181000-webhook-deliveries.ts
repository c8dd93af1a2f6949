import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook deliveries (README "Events out"): one row per event and subscription, with its delivery
 * state, claimed in order per subscription and customer; and a subscription can be disabled
 * (kept for the record, receives nothing more).
 */
export class WebhookDeliveries1732300181000 implements MigrationInterface {
  name = 'WebhookDeliveries1732300181000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consent.webhook_subscription ADD COLUMN disabled_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE consent.webhook_delivery (
        seq bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES consent.webhook_subscription (id),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        customer_id uuid,
        event jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        dead boolean NOT NULL DEFAULT false,
        disclosed_at timestamptz,
        UNIQUE (subscription_id, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_due ON consent.webhook_delivery (next_attempt_at, seq) WHERE delivered_at IS NULL AND NOT dead`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_customer ON consent.webhook_delivery (customer_id, subscription_id, seq)`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_dead ON consent.webhook_delivery (seq) WHERE dead`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent.webhook_delivery`);
    await queryRunner.query(`ALTER TABLE consent.webhook_subscription DROP COLUMN disabled_at`);
  }
}
