import type { Caller } from '../../context/caller';
import { privacyBudgetExhausted } from './privacy-budget.errors';
import type { PrivacyBudgetRepository } from './privacy-budget.repository';
import type { PrivacyBudgetType } from './privacy-budget.type';
import { nextUtcMidnight, utcDay } from './release-window';

/** One subgraph's per-client, per-UTC-day ε budget: spent before any figure is computed. */
export class PrivacyBudget {
  constructor(
    private readonly repository: PrivacyBudgetRepository,
    private readonly daily: number,
    private readonly perQuery: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Spends `queries` × ε per query, or throws PRIVACY_BUDGET_EXHAUSTED and spends nothing. */
  async spend(caller: Caller, queries = 1): Promise<PrivacyBudgetType> {
    const now = this.now();
    const epsilon = this.perQuery * queries;
    const spent = await this.repository.spend(caller.clientId, utcDay(now), epsilon, this.daily);
    if (spent === null) throw privacyBudgetExhausted(nextUtcMidnight(now), await this.remaining(caller, now));
    return this.describe(spent, now);
  }

  async read(caller: Caller): Promise<PrivacyBudgetType> {
    const now = this.now();
    return this.describe(await this.repository.spent(caller.clientId, utcDay(now)), now);
  }

  private async remaining(caller: Caller, now: Date) {
    return this.describe(await this.repository.spent(caller.clientId, utcDay(now)), now).epsilonRemaining;
  }

  private describe(spent: number, now: Date): PrivacyBudgetType {
    return { epsilonSpent: spent, epsilonRemaining: Math.max(0, round6(this.daily - spent)), epsilonPerQuery: this.perQuery, resetsAt: nextUtcMidnight(now) };
  }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
