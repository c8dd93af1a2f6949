import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** An order owned by the transactions subgraph; a redemption only points to it by id. */
@ObjectType('Order')
@Directive('@key(fields: "id", resolvable: false)')
export class OrderRef {
  @Field(() => ID)
  id: string;
}
