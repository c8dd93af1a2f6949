import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an order was de-identified by an erasure (its customer id replaced by a random pseudonym).
 * Such orders stay for accounting but are nobody's: the value analysis must not profile the
 * pseudonym. Orders de-identified before this column existed cannot be told apart (nothing links
 * a pseudonym to its erasure) and stay NULL.
 */
export class MarkDeidentifiedOrders1732300044000 implements MigrationInterface {
  name = 'MarkDeidentifiedOrders1732300044000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE transactions.customer_order ADD COLUMN deidentified_at timestamptz(3)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE transactions.customer_order DROP COLUMN deidentified_at`);
  }
}
