import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One customer per e-mail address, whatever its case: feeds sending A@x.com and a@x.com meet the same customer. */
export class UniqueNormalisedEmail1732300062000 implements MigrationInterface {
  name = 'UniqueNormalisedEmail1732300062000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX customers.customer_email`);
    await queryRunner.query(`CREATE UNIQUE INDEX customer_email ON customers.customer (lower(email)) WHERE email IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX customers.customer_email`);
    await queryRunner.query(`CREATE INDEX customer_email ON customers.customer (lower(email))`);
  }
}
