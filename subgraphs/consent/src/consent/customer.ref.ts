import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customers subgraph owns Customer; this stub only lets the consent fields hang off it. */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerRef {
  @Field(() => ID)
  id: string;
}
