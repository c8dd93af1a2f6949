import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "Bought X, also bought Y" pairs, computed with the full value refresh (strongest few per sku). */
export class CreateCoPurchase1732300033000 implements MigrationInterface {
  name = 'CreateCoPurchase1732300033000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transactions.co_purchase (
        sku text NOT NULL,
        rank smallint NOT NULL CHECK (rank > 0),
        also_bought text NOT NULL,
        together integer NOT NULL CHECK (together > 0),
        with_sku integer NOT NULL CHECK (with_sku >= together),
        orders integer NOT NULL CHECK (orders >= with_sku),
        PRIMARY KEY (sku, rank)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE transactions.co_purchase`);
  }
}
