import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ValueRefreshJobState } from './value-refresh-job';

@ObjectType('ValueRefreshJob', { description: 'A full customer value refresh running in the background: values and RFM quintiles of the whole base, as of its start' })
export class ValueRefreshJobType {
  @Field(() => ID)
  id: string;

  @Field(() => ValueRefreshJobState)
  state: ValueRefreshJobState;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Customers with a completed purchase, one value row each (once DONE)' })
  customersRefreshed: number | null;

  @Field(() => Int, { nullable: true, description: 'Customers with RFM scores, a purchase in the window (once DONE)' })
  customersScored: number | null;

  @Field(() => Int, { nullable: true, description: 'How long the refresh took (once DONE)' })
  durationMs: number | null;

  @Field(() => String, { nullable: true, description: 'Why it FAILED' })
  failure: string | null;
}
