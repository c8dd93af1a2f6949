import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which option of an ADAPTIVE offer the customer chose (an OfferOption.key); null for every other response. */
export class AddResponseOptionKey1732300142000 implements MigrationInterface {
  name = 'AddResponseOptionKey1732300142000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE offers.offer_response ADD COLUMN option_key text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE offers.offer_response DROP COLUMN option_key`);
  }
}
