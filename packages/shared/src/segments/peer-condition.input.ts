import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import type { SegmentConditionData } from './segment-condition';

/**
 * The input of a peer's internal segment-condition query (called by the customers subgraph).
 * Each peer names its own type: two subgraphs declaring one @inaccessible input would hide it
 * from customers' public createSegment input too.
 */
export function PeerSegmentConditionInput(name: string, description: string) {
  @InputType(name, { description })
  @Directive('@inaccessible')
  class PeerSegmentCondition implements SegmentConditionData {
    @Field()
    field: string;

    @Field()
    operator: string;

    @Field(() => [String])
    values: string[];

    @Field(() => Int, { nullable: true })
    withinDays?: number | null;

    @Field(() => ID, { nullable: true })
    partnerId?: string | null;
  }
  return PeerSegmentCondition;
}
