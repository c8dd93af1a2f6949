import {
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, ErrorCode } from '@c360/shared';

/**
 * Mutations whose work is far above one field: a full value refresh or segment evaluation
 * scans the customer base, a subject request fans out to every subgraph. With the default
 * GATEWAY_MAX_COST (20,000) one request holds at most 4 value refreshes, not 30 aliased ones.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Mutation.refreshCustomerValues': 5_000,
  'Mutation.refreshSegment': 2_000,
  'Mutation.createSegment': 1_000,
  'Mutation.updateSegment': 1_000,
  'Mutation.requestDataAccess': 1_000,
  'Mutation.requestErasure': 1_000,
  'Mutation.resumeDataSubjectRequest': 1_000,
};

interface CostContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  visiting: Set<string>;
  /** A fragment's cost does not depend on where it is spread: each is walked once per operation. */
  fragmentCosts: Map<string, number>;
}

/** How many times a field's selection runs per parent: its `first` argument when it has one. */
function multiplierOf(field: FieldNode, definition: GraphQLField<unknown, unknown>, context: CostContext): number {
  const first = definition.args.find((a) => a.name === 'first');
  if (!first) return 1;
  const node = field.arguments?.find((a) => a.name.value === 'first');
  const given = node ? valueFromAST(node.value, first.type, context.variables) : undefined;
  const size = typeof given === 'number' ? given : typeof first.defaultValue === 'number' ? first.defaultValue : DEFAULT_PAGE_SIZE;
  return Math.max(1, size);
}

function selectionCost(parent: GraphQLNamedType | undefined, selectionSet: SelectionSetNode | undefined, context: CostContext): number {
  let cost = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
      if (!definition) continue; // __typename and introspection meta fields cost nothing here
      const weight = FIELD_WEIGHTS[`${(parent as GraphQLNamedType).name}.${selection.name.value}`] ?? 1;
      cost += weight + multiplierOf(selection, definition, context) * selectionCost(getNamedType(definition.type), selection.selectionSet, context);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? context.schema.getType(selection.typeCondition.name.value) : parent;
      cost += selectionCost(type ?? undefined, selection.selectionSet, context);
    } else {
      const fragment = context.fragments.get(selection.name.value);
      if (!fragment || context.visiting.has(fragment.name.value)) continue; // cycles are a validation error already
      let fragmentCost = context.fragmentCosts.get(fragment.name.value);
      if (fragmentCost === undefined) {
        context.visiting.add(fragment.name.value);
        fragmentCost = selectionCost(context.schema.getType(fragment.typeCondition.name.value) ?? undefined, fragment.selectionSet, context);
        context.visiting.delete(fragment.name.value);
        context.fragmentCosts.set(fragment.name.value, fragmentCost);
      }
      cost += fragmentCost;
    }
  }
  return cost;
}

/**
 * An estimate of the work an operation asks for: every field costs 1, and a field with a
 * `first` argument (a page) multiplies the cost of its selection by the page size asked for
 * (coerced variables, so declared defaults count; the default page size when omitted). Lists without `first` count once:
 * their size is bounded by the page above them or by the entity they belong to.
 */
export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[], variables: Record<string, unknown> = {}): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  // As execution will see them: declared defaults filled in (an omitted `$n: Int = 100` is 100).
  // Variables that do not coerce fail execution anyway; the raw values are then as good as any.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return selectionCost(root ?? undefined, operation.selectionSet, {
    schema,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables: coerced.coerced ?? variables,
    visiting: new Set(),
    fragmentCosts: new Map(),
  });
}

/** Refuses an operation whose estimated cost exceeds `maxCost`, with HTTP 400, before it is planned or any subgraph asked. */
export function costLimitPlugin<Context extends object>(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return; // Apollo reports a missing or ambiguous operation itself
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const cost = operationCost(schema, operation, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(`Operation costs ${cost} (each field 1, times the page sizes above it); at most ${maxCost} is allowed`, {
              extensions: { code: ErrorCode.OPERATION_TOO_COSTLY, cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
