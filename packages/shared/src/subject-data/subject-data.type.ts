import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

// The internal privacy contract every subgraph implements: @inaccessible keeps it out of the
// public graph, @shareable lets four subgraphs declare the same operation and types.

@ObjectType('SubjectDataExport', { description: "Internal: one subgraph's data about a customer, for an access request" })
@Directive('@shareable')
@Directive('@inaccessible')
export class SubjectDataExportType {
  @Field()
  subgraph: string;

  @Field(() => GraphQLJSONObject, { description: 'Personal data: everything this subgraph holds on the customer' })
  data: Record<string, unknown>;
}

@ObjectType('SubjectDataErasureCount', { description: 'Internal: rows one erasure changed in one table' })
@Directive('@shareable')
@Directive('@inaccessible')
export class SubjectDataErasureCountType {
  @Field()
  table: string;

  @Field({ description: 'DELETED, DEIDENTIFIED, TOMBSTONED or RETAINED' })
  action: string;

  @Field(() => Int)
  rows: number;
}

@ObjectType('SubjectDataErasure', { description: 'Internal: what one subgraph erased; counts only, never values' })
@Directive('@shareable')
@Directive('@inaccessible')
export class SubjectDataErasureType {
  @Field()
  subgraph: string;

  @Field(() => [SubjectDataErasureCountType])
  counts: SubjectDataErasureCountType[];
}

@ObjectType('SubjectDataMergeCount', { description: 'Internal: rows one merge step moved in one table' })
@Directive('@shareable')
@Directive('@inaccessible')
export class SubjectDataMergeCountType {
  @Field()
  table: string;

  @Field(() => Int)
  rows: number;
}

@ObjectType('SubjectDataMerge', { description: 'Internal: what one subgraph moved for a merge or unmerge; counts only' })
@Directive('@shareable')
@Directive('@inaccessible')
export class SubjectDataMergeType {
  @Field()
  subgraph: string;

  @Field(() => [SubjectDataMergeCountType])
  counts: SubjectDataMergeCountType[];
}
