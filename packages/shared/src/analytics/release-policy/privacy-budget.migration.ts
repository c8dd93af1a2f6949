import type { QueryRunner } from 'typeorm';

/**
 * The budget ledger's table, the same in every subgraph that releases aggregates (each keeps its own,
 * in its own schema): a client's epsilon spent per UTC day.
 */
export const privacyBudgetTable = (schema: string) => ({
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${schema}.privacy_budget_spend (
        client_id text NOT NULL,
        day date NOT NULL,
        epsilon_spent numeric(14, 6) NOT NULL CHECK (epsilon_spent >= 0),
        PRIMARY KEY (client_id, day)
      )`);
  },
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schema}.privacy_budget_spend`);
  },
});
