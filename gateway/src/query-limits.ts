import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

export interface QueryLimits {
  /** Deepest field nesting an operation may reach (fragments included). */
  maxDepth: number;
  /** Aliased fields a document may hold: aliases multiply the work of one request. */
  maxAliases: number;
  /** Estimated cost an operation may have (see operationCost): page sizes multiply the fields below them. */
  maxCost: number;
}

/** maxCost 20,000 admits the heaviest customer-360 page (100 customers, 10 orders each: 14,601). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 30, maxCost: 20_000 };

/**
 * `fragmentDepths` remembers each fragment's depth: it does not depend on where the fragment is
 * spread, and without it a chain of fragments each spreading the next twice costs 2^n walks.
 */
function depthOf(selectionSet: SelectionSetNode | undefined, context: ValidationContext, visiting: Set<string>, fragmentDepths: Map<string, number>): number {
  let deepest = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, context, visiting, fragmentDepths) : 1);
    else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, context, visiting, fragmentDepths));
    else if (!visiting.has(selection.name.value)) {
      // A cycle is reported by the standard NoFragmentCycles rule; here it only must not loop.
      const name = selection.name.value;
      let depth = fragmentDepths.get(name);
      if (depth === undefined) {
        visiting.add(name);
        depth = depthOf(context.getFragment(name)?.selectionSet, context, visiting, fragmentDepths);
        visiting.delete(name);
        fragmentDepths.set(name, depth);
      }
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}

/** Refuses operations nested deeper than `maxDepth` fields, before anything is planned or fetched. */
export const maxDepthRule =
  (maxDepth: number): ValidationRule =>
  (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, context, new Set(), new Map());
      if (depth > maxDepth) context.reportError(new GraphQLError(`Operation is ${depth} fields deep; at most ${maxDepth} are allowed`, { nodes: [operation] }));
    },
  });

/** Refuses documents with more than `maxAliases` aliased fields. */
export const maxAliasesRule =
  (maxAliases: number): ValidationRule =>
  (context): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) context.reportError(new GraphQLError(`Document has ${aliases} aliased fields; at most ${maxAliases} are allowed`, { nodes: [document] }));
        },
      },
    };
  };

export const queryLimitRules = (limits: QueryLimits): ValidationRule[] => [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases)];
