import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An imported interaction keeps its source system's id, so a re-sent file is recognised row by
 * row (customers already have theirs in external_identity). Interactions recorded through the
 * API have neither; a plain unique index lets those NULL pairs repeat.
 */
export class InteractionExternalIds1732300111100 implements MigrationInterface {
  name = 'InteractionExternalIds1732300111100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customers.interaction ADD COLUMN source_system text, ADD COLUMN external_id text`);
    await queryRunner.query(`ALTER TABLE customers.interaction ADD CONSTRAINT interaction_external_id_pair CHECK ((source_system IS NULL) = (external_id IS NULL))`);
    await queryRunner.query(`CREATE UNIQUE INDEX interaction_external_id ON customers.interaction (source_system, external_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX customers.interaction_external_id`);
    await queryRunner.query(`ALTER TABLE customers.interaction DROP CONSTRAINT interaction_external_id_pair, DROP COLUMN external_id, DROP COLUMN source_system`);
  }
}
