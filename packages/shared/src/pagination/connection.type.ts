import { Field, Int, ObjectType, Directive, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Relay page information' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Builds the Relay `XEdge` / `XConnection` pair for a node type. */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: TNode;
  }

  // Registered so subclasses inherit its fields; never reachable itself, so never emitted.
  @ObjectType(`${name}ConnectionBase`)
  abstract class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list (all pages)' })
    totalCount: number;
  }
  return Connection;
}

export interface Page<TNode> {
  edges: { cursor: string; node: TNode }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Turns `size + 1` fetched rows into a page: the extra row only tells that another page exists.
 * Cursors are sealed (AES-GCM) only when a field reads them: most pages never select `cursor`,
 * and a nested page (orders of each customer) would otherwise seal one per row for nothing.
 */
export function toPage<TRow, TNode>(rows: TRow[], size: number, totalCount: number, cursorOf: (row: TRow) => string, toNode: (row: TRow) => TNode): Page<TNode> {
  const visible = rows.slice(0, size);
  const edges = visible.map((row) => lazyEdge(row, cursorOf, toNode(row)));
  const last = edges.length ? edges[edges.length - 1] : null;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      get endCursor() {
        return last ? last.cursor : null;
      },
    },
    totalCount,
  };
}

function lazyEdge<TRow, TNode>(row: TRow, cursorOf: (row: TRow) => string, node: TNode): { cursor: string; node: TNode } {
  let cursor: string | undefined;
  return {
    get cursor() {
      return (cursor ??= cursorOf(row));
    },
    node,
  };
}
