import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each client's differential-privacy spend per UTC day for the aggregates this subgraph releases. */
export class CreatePrivacyBudget1732300103000 implements MigrationInterface {
  name = 'CreatePrivacyBudget1732300103000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE offers.privacy_budget_spend (
        client_id text NOT NULL,
        day date NOT NULL,
        epsilon_spent numeric(14, 6) NOT NULL CHECK (epsilon_spent >= 0),
        PRIMARY KEY (client_id, day)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE offers.privacy_budget_spend`);
  }
}
