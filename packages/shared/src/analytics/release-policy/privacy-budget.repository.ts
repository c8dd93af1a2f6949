import type { DataSource } from 'typeorm';

/**
 * The per-client daily ε ledger in one subgraph's own schema (table `privacy_budget_spend`,
 * created by that subgraph's migration). All SQL of the budget lives here.
 */
export class PrivacyBudgetRepository {
  private readonly table: string;

  /** `schema` is the subgraph's own schema name, fixed in code (never caller text). */
  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `${schema}.privacy_budget_spend`;
  }

  /**
   * Adds `epsilon` to the client's spend for `day` unless that would pass `budget`, in one
   * statement: the row lock of ON CONFLICT DO UPDATE re-checks the condition on the newest
   * spend, so concurrent queries can never overspend. Returns the new total, or null if refused.
   */
  async spend(clientId: string, day: string, epsilon: number, budget: number): Promise<number | null> {
    const rows: Array<{ spent: number }> = await this.dataSource.query(
      `INSERT INTO ${this.table} AS b (client_id, day, epsilon_spent)
       SELECT $1, $2::date, $3::numeric WHERE $3::numeric <= $4::numeric
       ON CONFLICT (client_id, day) DO UPDATE SET epsilon_spent = b.epsilon_spent + EXCLUDED.epsilon_spent
        WHERE b.epsilon_spent + EXCLUDED.epsilon_spent <= $4::numeric
       RETURNING b.epsilon_spent::float8 AS spent`,
      [clientId, day, epsilon.toFixed(6), budget.toFixed(6)],
    );
    return rows.length > 0 ? Number(rows[0].spent) : null;
  }

  async spent(clientId: string, day: string): Promise<number> {
    const rows: Array<{ spent: number }> = await this.dataSource.query(`SELECT epsilon_spent::float8 AS spent FROM ${this.table} WHERE client_id = $1 AND day = $2::date`, [clientId, day]);
    return rows.length > 0 ? Number(rows[0].spent) : 0;
  }
}

