import { GraphQLError, Kind, TypeInfo, getNullableType, isInputObjectType, isListType, isScalarType, typeFromAST, visit, visitWithTypeInfo, type ASTNode, type GraphQLInputType, type GraphQLSchema, type DocumentNode, type ValueNode } from 'graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** The subgraphs' own scalars: the gateway's supergraph only knows their names, so it let any value through. */
const EXPECTED: Record<string, string> = {
  DateTimeISO: 'an RFC 3339 date-time with a time zone, e.g. 2024-05-01T00:00:00Z',
  LocalDate: 'a calendar date YYYY-MM-DD, e.g. 1990-04-21',
  JSONObject: 'a JSON object',
  Float: 'a finite number',
  String: 'text without NUL characters',
  ID: 'an id without NUL characters',
};

const SCALARS = { DateTimeISO: GraphQLDateTimeISO, LocalDate: GraphQLLocalDate, JSONObject: GraphQLJSONObject };

const hasNul = (value: string) => value.includes('\u0000');

/** Any string anywhere inside a JSON value holds a NUL (PostgreSQL text and jsonb refuse it). Iterative: depth is bounded upstream, but never trust that here. */
function jsonHasNul(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === 'string' && hasNul(value)) return true;
    if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) {
      if (hasNul(key)) return true;
      stack.push(child);
    }
  }
  return false;
}

/** Whether a JSON variable value is acceptable for scalar `name`. */
function scalarValueOk(name: string, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (name === 'Float') return typeof value !== 'number' || Number.isFinite(value);
  if (name === 'String' || name === 'ID') return typeof value !== 'string' || !hasNul(value);
  const scalar = SCALARS[name as keyof typeof SCALARS];
  if (!scalar) return true;
  try {
    scalar.parseValue(value);
  } catch {
    return false;
  }
  return name !== 'JSONObject' || !jsonHasNul(value);
}

function literalHasNul(node: ValueNode): boolean {
  let found = false;
  visit(node, { StringValue: (s) => void (found ||= hasNul(s.value)) });
  return found;
}

/** Whether a literal in the document is acceptable for scalar `name`. */
function scalarLiteralOk(name: string, node: ValueNode): boolean {
  if (node.kind === Kind.NULL || node.kind === Kind.VARIABLE) return true;
  if (name === 'Float') return (node.kind !== Kind.FLOAT && node.kind !== Kind.INT) || Number.isFinite(Number.parseFloat(node.value));
  if (name === 'String' || name === 'ID') return node.kind !== Kind.STRING || !hasNul(node.value);
  const scalar = SCALARS[name as keyof typeof SCALARS];
  if (!scalar) return true;
  if (name === 'JSONObject') return node.kind === Kind.OBJECT && !literalHasNul(node);
  try {
    scalar.parseLiteral(node, undefined);
  } catch {
    return false;
  }
  return true;
}

const invalid = (where: string, scalar: string, nodes?: ASTNode) =>
  new GraphQLError(`${where} is not valid: expected ${EXPECTED[scalar] ?? scalar}`, { nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** Checks one variable's value against its declared type, input object fields and lists included. */
function checkVariable(name: string, declared: GraphQLInputType, value: unknown, node: ASTNode): void {
  const stack: { type: GraphQLInputType; value: unknown; path: string }[] = [{ type: declared, value, path: `$${name}` }];
  while (stack.length) {
    const { type: wrapped, value: current, path } = stack.pop()!;
    if (current === null || current === undefined) continue;
    const type = getNullableType(wrapped);
    if (isListType(type)) {
      for (const [i, item] of (Array.isArray(current) ? current : [current]).entries()) stack.push({ type: type.ofType, value: item, path: `${path}[${i}]` });
    } else if (isInputObjectType(type)) {
      if (typeof current !== 'object') continue; // graphql-js reports the wrong shape itself
      const fields = type.getFields();
      for (const [key, child] of Object.entries(current)) if (fields[key]) stack.push({ type: fields[key].type, value: child, path: `${path}.${key}` });
    } else if (isScalarType(type) && !scalarValueOk(type.name, current)) {
      throw invalid(`Variable ${path}`, type.name, node);
    }
  }
}

/**
 * Documents whose literals passed, per schema. Apollo hands every request of the same query text the
 * same parsed document, and a document's literals cannot change, so a passing check is not repeated
 * (a schema change brings a new schema object, checked afresh). Failing documents are not remembered.
 */
const passedLiterals = new WeakMap<GraphQLSchema, WeakSet<DocumentNode>>();

/** Checks every literal argument value of the document against the scalar it is given to. */
function checkLiterals(schema: GraphQLSchema, document: DocumentNode): void {
  let passed = passedLiterals.get(schema);
  if (passed?.has(document)) return;
  checkLiteralsOnce(schema, document);
  if (!passed) passedLiterals.set(schema, (passed = new WeakSet()));
  passed.add(document);
}

function checkLiteralsOnce(schema: GraphQLSchema, document: DocumentNode): void {
  const typeInfo = new TypeInfo(schema);
  const check = (node: ValueNode) => {
    const type = typeInfo.getInputType();
    const scalar = type ? getNullableType(type) : undefined;
    if (!scalar || !isScalarType(scalar)) return undefined;
    if (!scalarLiteralOk(scalar.name, node)) throw invalid(`A ${scalar.name} value in this operation`, scalar.name, node);
    return scalar.name === 'JSONObject' ? false : undefined; // inside a JSON object nothing is typed
  };
  visit(document, visitWithTypeInfo(typeInfo, { StringValue: check, IntValue: check, FloatValue: check, ObjectValue: check, ListValue: check, BooleanValue: check, EnumValue: check }));
}

/**
 * Scalar values are checked at the edge, before planning: a bad date or a NUL byte used to
 * travel to a subgraph (reported as that subgraph being unavailable) or into SQL.
 * Messages name the variable or position, never the value.
 */
export function inputValuesPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // operationChoicePlugin answers that mistake
          checkLiterals(schema, document);
          const variables = request.variables ?? {};
          for (const definition of operation.variableDefinitions ?? []) {
            const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
            if (type) checkVariable(definition.variable.name.value, type, variables[definition.variable.name.value], definition);
          }
        },
      };
    },
  };
}
