import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Internal feed-integrity answer: EXISTS, ERASED or UNKNOWN (never existed here). */
@ObjectType({ description: 'Whether a customer id may receive new data' })
@Directive('@inaccessible')
export class CustomerExistenceType {
  @Field(() => ID)
  customerId: string;

  @Field(() => String, { description: 'EXISTS, ERASED or UNKNOWN' })
  status: string;
}
