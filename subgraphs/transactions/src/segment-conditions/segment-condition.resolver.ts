import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { profilingPopulation } from '@c360/shared';
import { assertMayEvaluateConditions } from '@c360/shared/segments';
import type { TransactionsContext } from '../context';
import { TransactionSegmentConditionInput } from './segment-condition.input';
import { SegmentConditionService } from './segment-condition.service';

/** Internal contract for segment evaluation (customers subgraph): one customer id list per condition, in order. */
@Resolver()
export class SegmentConditionResolver {
  constructor(private readonly service: SegmentConditionService) {}

  @Query(() => [[ID]])
  @Directive('@inaccessible')
  async transactionSegmentMatches(@Arg('conditions', () => [TransactionSegmentConditionInput]) conditions: TransactionSegmentConditionInput[], @Ctx() ctx: TransactionsContext): Promise<string[][]> {
    assertMayEvaluateConditions(ctx.caller, conditions);
    return this.service.matches(conditions, () => profilingPopulation(ctx));
  }
}
