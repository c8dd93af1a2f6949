import { getNamedType, getNullableType, isInputObjectType, isLeafType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { typedDefault, type ArgumentChoice } from './probe-operations';

/** Chooses a value for an argument or input field by its name and type; undefined leaves an optional one out. */
export type InputFiller = (name: string, type: GraphQLInputType, field: GraphQLField<unknown, unknown>) => ArgumentChoice | undefined;

export interface MutationProbe {
  path: string;
  query: string;
  variables: Record<string, unknown>;
  /** The same variables with every owned value replaced by its absent twin; null when nothing owned was bound. */
  absentVariables: Record<string, unknown> | null;
}

const INPUT_DEPTH = 3;

/**
 * One operation per root mutation field that takes something the filler owns (a customer id, a merge id, ...),
 * at the top level or inside an input object: a new mutation taking a customer reference is probed without
 * listing it. Required values the filler leaves alone get a typed default, so each operation passes validation.
 */
export function mutationProbes(schema: GraphQLSchema, fill: InputFiller): MutationProbe[] {
  const probes: MutationProbe[] = [];
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const probe = mutationProbe(field, fill);
    if (probe.absentVariables !== null) probes.push(probe);
  }
  return probes;
}

function mutationProbe(field: GraphQLField<unknown, unknown>, fill: InputFiller): MutationProbe {
  let owned = false;
  const value = (name: string, type: GraphQLInputType, depth: number): { real: unknown; absent: unknown } | undefined => {
    const choice = fill(name, type, field);
    if (choice) {
      owned ||= choice.owned !== undefined;
      return { real: choice.value, absent: choice.owned ? choice.owned.absent : choice.value };
    }
    const nullable = getNullableType(type);
    const inner = isListType(nullable) ? getNullableType(nullable.ofType) : nullable;
    if (isInputObjectType(inner) && depth < INPUT_DEPTH) {
      const real: Record<string, unknown> = {};
      const absent: Record<string, unknown> = {};
      for (const f of Object.values(inner.getFields())) {
        const v = value(f.name, f.type, depth + 1);
        if (v) [real[f.name], absent[f.name]] = [v.real, v.absent];
      }
      if (!isNonNullType(type) && Object.keys(real).length === 0) return undefined;
      return isListType(nullable) ? { real: [real], absent: [absent] } : { real, absent };
    }
    if (isNonNullType(type)) {
      const d = typedDefault(type);
      return { real: d, absent: d };
    }
    return undefined;
  };
  const declarations: string[] = [];
  const bound: string[] = [];
  const variables: Record<string, unknown> = {};
  const absentVariables: Record<string, unknown> = {};
  for (const arg of field.args) {
    const v = value(arg.name, arg.type, 0);
    if (!v) continue;
    const name = `v${declarations.length}`;
    declarations.push(`$${name}: ${String(arg.type)}`);
    bound.push(`${arg.name}: $${name}`);
    [variables[name], absentVariables[name]] = [v.real, v.absent];
  }
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `mutation Probe${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} { ${field.name}${bound.length > 0 ? `(${bound.join(', ')})` : ''}${selection} }`;
  return { path: field.name, query, variables, absentVariables: owned ? absentVariables : null };
}
