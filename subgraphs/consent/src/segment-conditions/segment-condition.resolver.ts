import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { assertMayEvaluateConditions } from '@c360/shared/segments';
import type { ConsentContext } from '../context';
import { ConsentSegmentConditionInput } from './segment-condition.input';
import { SegmentConditionService } from './segment-condition.service';


/** Internal contract for segment evaluation (customers subgraph): one customer id list per condition, in order. */
@Resolver()
export class SegmentConditionResolver {
  constructor(private readonly service: SegmentConditionService) {}

  @Query(() => [[ID]])
  @Directive('@inaccessible')
  async consentSegmentMatches(@Arg('conditions', () => [ConsentSegmentConditionInput]) conditions: ConsentSegmentConditionInput[], @Ctx() ctx: ConsentContext): Promise<string[][]> {
    assertMayEvaluateConditions(ctx.caller, conditions);
    return this.service.matches(conditions);
  }
}
