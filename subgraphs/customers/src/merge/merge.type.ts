import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PersonalData, PersonalDataCategory } from '@c360/shared';
import { CustomerType } from '../customer/customer.type';
import { CustomerMergeState, MatchIdentifier } from './merge.enums';

@ObjectType({ description: 'Why two profiles look like one person: which normalised identifier they share (never its value)' })
export class MatchEvidence {
  @Field(() => MatchIdentifier)
  identifier: MatchIdentifier;

  @Field({ description: 'How the identifier was normalised before comparing' })
  rule: string;

  @Field(() => String, { nullable: true, description: 'For EXTERNAL_ID: the source system, case-folded' })
  system: string | null;
}

@ObjectType({ description: 'A profile that may be the same person as the one asked about' })
export class DuplicateCandidate {
  @Field(() => CustomerType)
  customer: CustomerType;

  @Field(() => [MatchEvidence], { nullable: true, description: 'Derived from contact and identity fields; withheld (null) alone when not released' })
  @PersonalData(PersonalDataCategory.CONTACT)
  evidence: MatchEvidence[] | null;
}

@ObjectType({ description: 'Rows one subgraph moved for a merge' })
export class MergeMovedCount {
  @Field()
  subgraph: string;

  @Field()
  table: string;

  @Field(() => Int)
  rows: number;
}

@ObjectType({ description: 'A profile merge: its state, what it moved, and until when it can be undone' })
export class CustomerMerge {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  survivorId: string;

  @Field(() => ID, { description: 'The retired id; it resolves to the survivor while the merge stands' })
  mergedId: string;

  @Field(() => CustomerMergeState)
  state: CustomerMergeState;

  @Field()
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field({ description: 'unmergeCustomers restores both profiles until then' })
  undoUntil: Date;

  @Field(() => Date, { nullable: true })
  unmergedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the merge failed (and was undone), or why an unmerge is waiting' })
  failure: string | null;

  @Field(() => [MergeMovedCount])
  moved: MergeMovedCount[];
}
