import { Directive, Field, Float, ObjectType } from 'type-graphql';

// Each subgraph that releases aggregates keeps its own ledger and declares this same value type.
@ObjectType('PrivacyBudget', { description: "A client's differential-privacy budget for one family of aggregates, per UTC day" })
@Directive('@shareable')
export class PrivacyBudgetType {
  @Field(() => Float, { description: 'ε spent today (UTC)' })
  epsilonSpent: number;

  @Field(() => Float, { description: 'ε left today; a query that needs more is refused with PRIVACY_BUDGET_EXHAUSTED' })
  epsilonRemaining: number;

  @Field(() => Float, { description: 'ε one query spends (AGGREGATE_EPSILON_PER_QUERY)' })
  epsilonPerQuery: number;

  @Field({ description: 'The next midnight UTC, when the budget starts over' })
  resetsAt: Date;
}
