import { DomainError } from '../../errors/domain-error';
import { ErrorCode } from '../../errors/error-codes';

export const privacyBudgetExhausted = (resetsAt: Date, epsilonRemaining: number) =>
  new DomainError(ErrorCode.PRIVACY_BUDGET_EXHAUSTED, `The daily privacy budget for these aggregates is spent; it starts over at ${resetsAt.toISOString()}`, {
    resetsAt: resetsAt.toISOString(),
    epsilonRemaining,
  });
