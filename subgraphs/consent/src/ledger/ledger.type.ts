import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('LedgerVerification', { description: "The result of re-computing one customer's consent hash chain" })
export class LedgerVerificationType {
  @Field(() => ID)
  customerId: string;

  @Field(() => Int, { description: 'Events checked, up to and including the first broken one' })
  eventsChecked: number;

  @Field()
  valid: boolean;

  @Field(() => ID, { nullable: true, description: 'The first event whose link is broken; null when the chain is valid' })
  firstBrokenEventId: string | null;

  @Field(() => String, { nullable: true, description: 'Why that link is broken' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the newest event of a valid chain: publish it elsewhere to detect a rewrite of the whole chain' })
  headHash: string | null;
}

@ObjectType('ConsentLedgerAudit', { description: 'Every customer chain verified; lists the broken ones' })
export class ConsentLedgerAuditType {
  @Field(() => Int)
  customersChecked: number;

  @Field(() => Int)
  eventsChecked: number;

  @Field(() => Int, { description: 'All broken chains, even beyond the listed ones' })
  brokenCount: number;

  @Field(() => [LedgerVerificationType], { description: 'The broken chains, by customer id, at most `limit`' })
  broken: LedgerVerificationType[];
}
