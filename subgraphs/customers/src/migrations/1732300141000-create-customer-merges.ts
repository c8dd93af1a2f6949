import type { MigrationInterface, QueryRunner } from 'typeorm';
import { mergeMoveTableSql } from '@c360/shared';

/**
 * Profile merges: the merge record (state, undo window, the retired profile kept for an unmerge),
 * the aliases that resolve a retired id to its survivor, and which interactions a merge moved.
 */
export class CreateCustomerMerges1732300141000 implements MigrationInterface {
  name = 'CreateCustomerMerges1732300141000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(mergeMoveTableSql('customers'));
    await queryRunner.query(`CREATE INDEX merge_move_to ON customers.merge_move (to_customer)`);
    await queryRunner.query(`
      CREATE TABLE customers.customer_merge (
        id uuid PRIMARY KEY,
        survivor_id uuid NOT NULL,
        merged_id uuid NOT NULL,
        state text NOT NULL CHECK (state IN ('RUNNING', 'MERGED', 'FAILED', 'UNMERGING', 'UNMERGED')),
        requested_by text NOT NULL,
        requested_at timestamptz(3) NOT NULL,
        completed_at timestamptz(3),
        undo_until timestamptz(3) NOT NULL,
        unmerged_at timestamptz(3),
        retired_profile jsonb,
        moved jsonb NOT NULL DEFAULT '[]',
        failure text,
        CHECK (survivor_id <> merged_id)
      )`);
    await queryRunner.query(`CREATE INDEX customer_merge_survivor ON customers.customer_merge (survivor_id)`);
    await queryRunner.query(`CREATE INDEX customer_merge_merged ON customers.customer_merge (merged_id)`);
    await queryRunner.query(`
      CREATE TABLE customers.customer_alias (
        alias_id uuid PRIMARY KEY,
        survivor_id uuid NOT NULL,
        merge_id uuid NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX customer_alias_survivor ON customers.customer_alias (survivor_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customers.customer_alias`);
    await queryRunner.query(`DROP TABLE customers.customer_merge`);
    await queryRunner.query(`DROP TABLE customers.merge_move`);
  }
}
