import { Directive, Field, ObjectType } from 'type-graphql';

/** A catalogue product owned by the transactions subgraph; offers only point to it by sku. */
@ObjectType('Product')
@Directive('@key(fields: "sku", resolvable: false)')
export class ProductRef {
  @Field()
  sku: string;
}
