import { defaultFieldResolver, getNamedType, getNullableType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { SubgraphContext } from '../context/subgraph-context';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import type { PersonalDataOwners } from './consent-guard';
import { isVisible, type Visibility } from './row-visibility';

/** Which types carry information about a customer, and how to tell whose. */
export interface OwnedTypes {
  /** Types whose objects name their customer (the owner function reads it). */
  owners: PersonalDataOwners;
  /** Types only ever reached inside an owned parent (an address, an order line): visible exactly when that parent is. */
  ownedThroughParent?: readonly string[];
}

/** How a field returns owned objects: one, a list, or a Relay connection of them. */
interface OwnedShape {
  kind: 'one' | 'list' | 'connection';
  type: string;
  nullable: boolean;
}

type Screen = (value: unknown, visibility: Visibility) => unknown;

const INTERNAL_ROOTS = new Set(['Mutation', 'Subscription']);

const isInaccessible = (field: GraphQLField<unknown, unknown>) => !!field.astNode?.directives?.some((d) => d.name.value === 'inaccessible');
const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** The node type of a Relay connection type (`edges { node }`), if it is one. */
function connectionNode(type: GraphQLObjectType): string | undefined {
  const edges = type.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const node = isObjectType(edge) ? edge.getFields().node : undefined;
  return node ? getNamedType(node.type).name : undefined;
}

function ownedShape(field: GraphQLField<unknown, unknown>, owners: PersonalDataOwners): OwnedShape | null {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return null;
  const nullable = !isNonNullType(field.type);
  if (owners[named.name]) return { kind: isListType(getNullableType(field.type)) ? 'list' : 'one', type: named.name, nullable };
  const node = connectionNode(named);
  return node && owners[node] ? { kind: 'connection', type: node, nullable } : null;
}

/** Hidden looks like missing: a generic NOT_FOUND that names no id. */
const hidden = (type: string) => new DomainError(ErrorCode.NOT_FOUND, `${type} was not found`);

function screenFor(shape: OwnedShape, owners: PersonalDataOwners): Screen {
  const ownerOf = owners[shape.type];
  const seen = (object: unknown, visibility: Visibility) => {
    const owner = ownerOf(object as Record<string, unknown>);
    return typeof owner === 'string' && isVisible(visibility, owner);
  };
  switch (shape.kind) {
    case 'one':
      return (value, visibility) => {
        if (seen(value, visibility)) return value;
        if (shape.nullable) return null;
        throw hidden(shape.type);
      };
    case 'list':
      return (value, visibility) => (value as unknown[]).filter((item) => item === null || item === undefined || seen(item, visibility));
    case 'connection':
      return (value, visibility) => {
        const page = value as { edges: { node: unknown }[] };
        return { ...page, edges: page.edges.filter((edge) => seen(edge.node, visibility)) };
      };
  }
}

/** Applies the audience once the value and the visibility are known; the common "everyone" case stays synchronous. */
function guarded(resolve: GraphQLFieldResolver<unknown, unknown>, screen: Screen): GraphQLFieldResolver<unknown, unknown> {
  const apply = (value: unknown, ctx: SubgraphContext): unknown => {
    if (value === null || value === undefined || value instanceof Error) return value;
    const known = ctx.audience.known;
    if (known) return known.all ? value : screen(value, known);
    return ctx.audience.visibility().then((visibility) => (visibility.all ? value : screen(value, visibility)));
  };
  return (parent, args, context, info) => {
    const ctx = context as SubgraphContext;
    const value = resolve(parent, args, context, info);
    return isPromiseLike(value) ? Promise.resolve(value).then((v) => apply(v, ctx)) : apply(value, ctx);
  };
}

/** `_entities` returns one (possibly pending) object per representation: hidden ones become null, like unknown ids. */
function guardedEntities(resolve: GraphQLFieldResolver<unknown, unknown>, owners: PersonalDataOwners): GraphQLFieldResolver<unknown, unknown> {
  const screenOne = async (entity: unknown, ctx: SubgraphContext) => {
    const object = (await entity) as Record<string, unknown> | null;
    const ownerOf = object && owners[object.__typename as string];
    if (!object || !ownerOf) return object;
    const owner = ownerOf(object);
    return typeof owner === 'string' && (await ctx.audience.canSee(owner)) ? object : null;
  };
  return (parent, args, context, info) => {
    const ctx = context as SubgraphContext;
    const value = resolve(parent, args, context, info);
    if (ctx.audience.known?.all) return value;
    return Promise.resolve(value).then((entities) => (entities as unknown[]).map((entity) => screenOne(entity, ctx)));
  };
}

export interface GuardedOwnedField {
  type: string;
  field: string;
  owned: string;
}

/**
 * The second wall behind the SQL: wraps every field that returns objects of an owned type
 * (one, a list, or a connection of them) and `_entities`, so an object of a customer the
 * caller may not see is omitted from lists and null (or NOT_FOUND) on lookups, whatever path
 * led to it. Lists and counts already exclude those rows in SQL; this catches any path that
 * forgets. Mutations check their own audience; internal (@inaccessible) peer contracts are
 * asked by subgraphs that already screened the customers they ask about.
 */
export function guardOwnedTypes(schema: GraphQLSchema, owned: OwnedTypes): GuardedOwnedField[] {
  const guardedFields: GuardedOwnedField[] = [];
  for (const typeName of owned.ownedThroughParent ?? []) {
    if (owned.owners[typeName]) throw new Error(`${typeName} is declared both as owned by itself and through its parent`);
  }
  assertReachedThroughParents(schema, owned);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || INTERNAL_ROOTS.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (isInaccessible(field)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      if (type.name === 'Query' && field.name === '_entities') {
        field.resolve = guardedEntities(resolve, owned.owners);
        guardedFields.push({ type: type.name, field: field.name, owned: '_Entity' });
        continue;
      }
      const shape = ownedShape(field, owned.owners);
      if (!shape) continue;
      field.resolve = guarded(resolve, screenFor(shape, owned.owners));
      guardedFields.push({ type: type.name, field: field.name, owned: shape.type });
    }
  }
  return guardedFields;
}

/**
 * "Visible exactly when its parent is" only holds if nothing else returns the type: a public
 * field of a type that is not owned (Query included) returning one fails the build.
 */
function assertReachedThroughParents(schema: GraphQLSchema, owned: OwnedTypes): void {
  const throughParent = new Set(owned.ownedThroughParent ?? []);
  if (throughParent.size === 0) return;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || INTERNAL_ROOTS.has(type.name)) continue;
    if (owned.owners[type.name] || throughParent.has(type.name)) continue;
    const fields = type.getFields();
    if (fields.node || fields.edges) continue; // Relay containers: guarded where the connection is returned
    for (const field of Object.values(fields)) {
      const named = getNamedType(field.type);
      const node = isObjectType(named) ? connectionNode(named) : undefined;
      const reached = [named.name, node].find((name) => name && throughParent.has(name));
      if (reached && !isInaccessible(field)) throw new Error(`${type.name}.${field.name} returns ${reached}, which is declared as owned through its parent, but ${type.name} is not owned`);
    }
  }
}
