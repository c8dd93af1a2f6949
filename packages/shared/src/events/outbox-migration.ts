import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox table of one subgraph's schema (each subgraph lists this migration with its own).
 * One row per event with its delivery state: `next_attempt_at` is also the lease a dispatcher
 * takes while it delivers, so a crashed dispatcher's rows become due again by themselves.
 */
export function outboxMigration(schema: string): new () => MigrationInterface {
  if (!/^[a-z_]+$/.test(schema)) throw new Error('outbox: bad schema name');
  return class CreateOutbox1732300200000 implements MigrationInterface {
    name = 'CreateOutbox1732300200000';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE "${schema}".outbox (
          seq bigserial PRIMARY KEY,
          id uuid NOT NULL UNIQUE,
          type text NOT NULL,
          version integer NOT NULL,
          occurred_at timestamptz NOT NULL,
          customer_id uuid,
          payload jsonb NOT NULL,
          attempts integer NOT NULL DEFAULT 0,
          last_error text,
          next_attempt_at timestamptz NOT NULL DEFAULT now(),
          delivered_at timestamptz,
          dead boolean NOT NULL DEFAULT false
        )`);
      await queryRunner.query(`CREATE INDEX outbox_due ON "${schema}".outbox (next_attempt_at, seq) WHERE delivered_at IS NULL AND NOT dead`);
      await queryRunner.query(`CREATE INDEX outbox_customer_pending ON "${schema}".outbox (customer_id, seq) WHERE delivered_at IS NULL AND NOT dead`);
      await queryRunner.query(`CREATE INDEX outbox_dead ON "${schema}".outbox (seq) WHERE dead`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}".outbox`);
    }
  };
}
