import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which ERP client's import created an external id's customer (NULL: created through the API).
 * A re-sent row is compared with the stored customer only for that client and only while the
 * record is as it was imported; otherwise the comparison would tell an ERP, which reads no
 * personal fields, whether its guess of someone else's (or a since-changed) record is right.
 */
export class ExternalIdentityImporter1732300111200 implements MigrationInterface {
  name = 'ExternalIdentityImporter1732300111200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customers.external_identity ADD COLUMN imported_by text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customers.external_identity DROP COLUMN imported_by`);
  }
}
