import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { describePath, isValueObject, type SchemaPath } from './schema-paths';

/** Where an argument sits: the field it belongs to and how many lists enclose that field. */
export interface ArgumentSite {
  parentType: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  arg: GraphQLArgument;
  enclosingLists: number;
}

/** A chosen argument value; `owned` values point at the hidden customer's records (they get a twin with absent values). */
export interface ArgumentChoice {
  value: unknown;
  owned?: { absent: unknown };
}

/** Chooses a value for an argument, or undefined to leave an optional one out (required ones then get a typed default). */
export type ArgumentFiller = (site: ArgumentSite) => ArgumentChoice | undefined;

export interface ProbeOperation {
  path: string;
  query: string;
  variables: Record<string, unknown>;
  /** The same variables with every owned value replaced by an absent one; null when no variable is owned. */
  absentVariables: Record<string, unknown> | null;
}

const VALUE_OBJECT_DEPTH = 3;

/** A value of the argument's type that passes validation: the first enum value, 1, false, "probe", required input fields filled. */
export function typedDefault(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [typedDefault(nullable.ofType)];
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, typedDefault(f.type)]));
  }
  switch (nullable.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
      return '2026-01-01T00:00:00.000Z';
    case 'LocalDate':
      return '2000-01-01';
    case 'JSONObject':
      return {};
    default:
      return 'probe';
  }
}

/** Builds one query per path, selecting every leaf (and leaf-only value object) along it, arguments bound to variables. */
export function probeOperation(schema: GraphQLSchema, path: SchemaPath, fill: ArgumentFiller, index: number): ProbeOperation {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const absent: Record<string, unknown> = {};
  let owned = false;
  let enclosingLists = 0;

  const argumentsOf = (parentType: GraphQLObjectType, field: GraphQLField<unknown, unknown>) => {
    const bound: string[] = [];
    for (const arg of field.args) {
      let choice = fill({ parentType, field, arg, enclosingLists });
      if (choice === undefined && isNonNullType(arg.type) && arg.defaultValue === undefined) choice = { value: typedDefault(arg.type) };
      if (choice === undefined) continue;
      const name = `v${declarations.length}`;
      declarations.push(`$${name}: ${String(arg.type)}`);
      variables[name] = choice.value;
      absent[name] = choice.owned ? choice.owned.absent : choice.value;
      owned ||= choice.owned !== undefined;
      bound.push(`${arg.name}: $${name}`);
    }
    return bound.length > 0 ? `(${bound.join(', ')})` : '';
  };

  const leaves = (type: GraphQLObjectType, skip: string | undefined, depth: number, seen: ReadonlySet<string>): string[] => {
    const selected: string[] = [];
    for (const field of Object.values(type.getFields())) {
      if (field.name === skip) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) selected.push(`${field.name}${argumentsOf(type, field)}`);
      else if (isObjectType(named) && isValueObject(named) && depth < VALUE_OBJECT_DEPTH && !seen.has(named.name)) {
        const inner = leaves(named, undefined, depth + 1, new Set([...seen, named.name]));
        if (inner.length > 0) selected.push(`${field.name}${argumentsOf(type, field)} { ${inner.join(' ')} }`);
      }
    }
    return selected;
  };

  const level = (type: GraphQLObjectType, at: number): string => {
    const step = path[at];
    // The root level keeps only the path's own root field: other root fields have paths of their own.
    const selected = at === 0 ? [] : leaves(type, step?.fieldName, 0, new Set([type.name]));
    if (step) {
      const field = type.getFields()[step.fieldName];
      const named = getNamedType(field.type);
      const args = argumentsOf(type, field);
      if (isObjectType(named)) {
        const listed = isListType(getNullableType(field.type)) || 'edges' in named.getFields();
        enclosingLists += listed ? 1 : 0;
        selected.push(`${step.fieldName}${args} { ${level(named, at + 1)} }`);
        enclosingLists -= listed ? 1 : 0;
      } else selected.push(`${step.fieldName}${args}`);
    }
    return selected.length > 0 ? selected.join(' ') : '__typename';
  };

  const selection = level(schema.getQueryType()!, 0);
  const query = `query Probe${index}${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} { ${selection} }`;
  return { path: describePath(path), query, variables, absentVariables: owned ? absent : null };
}
