import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook subscriptions (README "Events out"): partner_id null for internal ones, managed by staff. */
export class WebhookSubscriptions1732300151000 implements MigrationInterface {
  name = 'WebhookSubscriptions1732300151000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent.webhook_subscription (
        id uuid PRIMARY KEY,
        partner_id text,
        url text NOT NULL,
        event_types text[] NOT NULL,
        secret text NOT NULL,
        previous_secret text,
        previous_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX webhook_subscription_partner ON consent.webhook_subscription (partner_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent.webhook_subscription`);
  }
}
