import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customers subgraph owns Customer; this subgraph only adds purchase fields to it. */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerRef {
  @Field(() => ID)
  id: string;
}
