import type { MigrationInterface, QueryRunner } from 'typeorm';
import { privacyBudgetTable } from '@c360/shared';

const table = privacyBudgetTable('transactions');

/** Each client's differential-privacy spend per UTC day for the aggregates this subgraph releases. */
export class CreatePrivacyBudget1732300102000 implements MigrationInterface {
  name = 'CreatePrivacyBudget1732300102000';

  up(queryRunner: QueryRunner): Promise<void> {
    return table.up(queryRunner);
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return table.down(queryRunner);
  }
}
