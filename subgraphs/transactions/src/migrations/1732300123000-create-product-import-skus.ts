import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The skus a products import job has taken, with the line that gave each: a sku given again in a
 * later batch of the same file (or after a resume) is told apart from the first and reported as a
 * bad row. Written in each batch's transaction, so a rolled-back batch leaves none behind.
 */
export class CreateProductImportSkus1732300123000 implements MigrationInterface {
  name = 'CreateProductImportSkus1732300123000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transactions.product_import_sku (
        job_id uuid NOT NULL,
        sku text NOT NULL,
        line_no bigint NOT NULL,
        PRIMARY KEY (job_id, sku)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE transactions.product_import_sku`);
  }
}
