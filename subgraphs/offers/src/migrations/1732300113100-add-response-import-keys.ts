import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An imported response is keyed by the system it came from and its id there; `imported_by` is the
 * ERP client that imported it, the only caller told when a re-sent row differs from it.
 */
export class AddResponseImportKeys1732300113100 implements MigrationInterface {
  name = 'AddResponseImportKeys1732300113100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE offers.offer_response
        ADD COLUMN source_system text,
        ADD COLUMN external_id text,
        ADD COLUMN imported_by text,
        ADD CONSTRAINT offer_response_import_key_complete CHECK ((source_system IS NULL) = (external_id IS NULL) AND (source_system IS NULL) = (imported_by IS NULL)),
        ADD CONSTRAINT offer_response_import_key UNIQUE (source_system, external_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE offers.offer_response
        DROP CONSTRAINT offer_response_import_key,
        DROP CONSTRAINT offer_response_import_key_complete,
        DROP COLUMN imported_by,
        DROP COLUMN external_id,
        DROP COLUMN source_system`);
  }
}
