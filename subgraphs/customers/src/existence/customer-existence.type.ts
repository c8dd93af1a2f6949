import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Internal feed-integrity answer: EXISTS, ERASED, UNKNOWN (never existed here) or MERGED. */
@ObjectType({ description: 'Whether a customer id may receive new data' })
@Directive('@inaccessible')
export class CustomerExistenceType {
  @Field(() => ID)
  customerId: string;

  @Field(() => String, { description: 'EXISTS, ERASED, UNKNOWN or MERGED' })
  status: string;

  @Field(() => ID, { nullable: true, description: 'MERGED: the profile the retired id resolves to' })
  survivorId: string | null;

  @Field(() => ID, { nullable: true, description: 'MERGED: the merge that retired the id (an unmerge gives back what feeds wrote through it)' })
  mergeId: string | null;
}
