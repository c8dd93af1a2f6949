import type { GraphQLFieldResolver } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * The names of fields that are a plain property read wherever type-graphql knows them: declared with
 * `@Field` on a property of the same name, never with `@Authorized`, a middleware or arguments, and no
 * `@FieldResolver`, query or mutation carries the name. type-graphql still gives each such field a
 * resolver that builds a resolver-data object and runs an empty middleware chain before reading the
 * property (7 % of the subgraphs' allocations on a customer-360 page); these can read it directly.
 * Decided by name across every type in the process, so a field that is special anywhere stays untouched.
 */
export function plainFieldNames(): Set<string> {
  const storage = getMetadataStorage();
  const typeClasses = new Set<unknown>([...storage.objectTypes, ...storage.interfaceTypes].map((type) => type.target));
  // Scopes or middlewares on a whole object type would apply to each of its fields: then nothing is plain.
  if ([...storage.authorizedResolver, ...storage.resolverMiddlewares].some((entry) => typeClasses.has(entry.target))) return new Set();
  const special = new Set<string>([
    ...storage.authorizedFields.map((entry) => entry.fieldName),
    ...storage.middlewares.map((entry) => entry.fieldName),
    ...storage.params.map((param) => param.methodName),
    ...[...storage.fieldResolvers, ...storage.queries, ...storage.mutations, ...storage.subscriptions].flatMap((resolver) => [resolver.methodName, resolver.schemaName]),
  ]);
  for (const field of storage.fields) {
    if (field.name !== field.schemaName) special.add(field.name).add(field.schemaName);
  }
  return new Set(storage.fields.map((field) => field.schemaName).filter((name) => !special.has(name)));
}

/** Resolver maps of object types (not the root types) get a direct read for their plain fields. */
export function readPlainFieldsDirectly(resolvers: Record<string, unknown>, rootTypes: readonly string[]): void {
  const plain = plainFieldNames();
  const objectTypes = new Set(getMetadataStorage().objectTypes.map((type) => type.name));
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (!objectTypes.has(typeName) || rootTypes.includes(typeName) || typeof fields !== 'object' || fields === null) continue;
    const map = fields as Record<string, unknown>;
    for (const fieldName of Object.keys(map)) {
      if (plain.has(fieldName) && typeof map[fieldName] === 'function') map[fieldName] = readProperty(fieldName);
    }
  }
}

function readProperty(name: string): GraphQLFieldResolver<Record<string, unknown>, unknown> {
  return (root) => root[name];
}
