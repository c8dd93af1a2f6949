import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A customer owned by the customers subgraph; offers only add fields to it. */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerRef {
  @Field(() => ID)
  id: string;
}
