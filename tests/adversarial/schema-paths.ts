import { getNamedType, isObjectType, isLeafType, type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/** What the schema says about personal data: `Type.field` names marked personal, and types declared as owned. */
export interface PrivacyFacts {
  personalFields: ReadonlySet<string>;
  declaredOwnedTypes: ReadonlySet<string>;
}

/** One field step of a path from a root field: `Type.field`. */
export interface PathStep {
  typeName: string;
  fieldName: string;
}

export type SchemaPath = readonly PathStep[];

export interface PathOptions {
  /** How many fields deep a path may go; connection plumbing (`edges`, `node`) does not count. */
  maxDepth: number;
  rootTypeName?: string;
}

const CUSTOMER_REFERENCE = /^customerIds?$/;
const PLUMBING = new Set(['edges', 'node']);

/** Reads `@personalData` fields from SDL and every `type`/`field` pair (and owned type) named in the data map, whatever its shape. */
export function privacyFactsFrom(dataMap: unknown, schemaWithDirectives?: GraphQLSchema): PrivacyFacts {
  const personalFields = new Set<string>();
  const declaredOwnedTypes = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && typeof record.field === 'string') personalFields.add(`${record.type}.${record.field}`);
    else if (typeof record.type === 'string') declaredOwnedTypes.add(record.type);
    Object.values(record).forEach(visit);
  };
  visit(dataMap);
  for (const type of Object.values(schemaWithDirectives?.getTypeMap() ?? {})) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.astNode?.directives?.some((d) => d.name.value === 'personalData')) personalFields.add(`${type.name}.${field.name}`);
    }
  }
  return { personalFields, declaredOwnedTypes };
}

/** A type that is only ever seen inside its parent (no id of its own, not a connection): selected with the parent's leaves. */
export function isValueObject(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return !('id' in fields) && !('sku' in fields) && !('edges' in fields);
}

const objectTypes = (schema: GraphQLSchema) => Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));

/**
 * The types that carry information about a customer: the owner itself (the type `customer` fields point at),
 * types referencing it (a `customer` field or a `customerId`), types with personal fields or declared owned,
 * and every type reached from one of those except catalogue types (reachable from a root field on their own).
 */
export function ownedTypes(schema: GraphQLSchema, facts: PrivacyFacts): Set<string> {
  const types = objectTypes(schema);
  const owners = new Set<string>();
  for (const type of types) for (const field of Object.values(type.getFields())) if (field.name === 'customer' && isObjectType(getNamedType(field.type))) owners.add(getNamedType(field.type).name);
  const owned = new Set<string>([...owners, ...facts.declaredOwnedTypes]);
  for (const key of facts.personalFields) owned.add(key.split('.')[0]);
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name]);
  for (const type of types) {
    if (roots.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (CUSTOMER_REFERENCE.test(field.name) || owners.has(getNamedType(field.type).name)) owned.add(type.name);
    }
  }
  const catalogue = catalogueTypes(schema, owned);
  const queue = [...owned];
  while (queue.length > 0) {
    const type = schema.getType(queue.pop()!);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named) || owned.has(named.name) || catalogue.has(named.name) || named.name === 'PageInfo') continue;
      owned.add(named.name);
      queue.push(named.name);
    }
  }
  return owned;
}

/** Types a root field returns (directly or as a connection's node) that are not owned: offers, products, partners, ... */
function catalogueTypes(schema: GraphQLSchema, owned: ReadonlySet<string>): Set<string> {
  const catalogue = new Set<string>();
  const add = (type: GraphQLNamedType, depth: number) => {
    if (!isObjectType(type) || owned.has(type.name) || catalogue.has(type.name)) return;
    const fields = type.getFields();
    if ('edges' in fields && depth < 2) return add(getNamedType(fields.edges.type), depth + 1);
    if ('node' in fields && depth < 2) return add(getNamedType(fields.node.type), depth + 1);
    catalogue.add(type.name);
  };
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) add(getNamedType(field.type), 0);
  return catalogue;
}

/** A field whose arguments point at a customer's records (customerId, eventId, orderId, ...). */
export const takesCustomerReference = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => /^(customerIds?|eventId|orderId|responseId)$/.test(a.name));

/**
 * Every root field, and every path from one, at most `maxDepth` fields deep and visiting no type twice, that
 * reaches an owned type, a personal field or a field taking a customer reference; only maximal paths are kept,
 * since the operation for a path selects every leaf along it and so covers each of its prefixes.
 */
export function pathsToCustomerData(schema: GraphQLSchema, facts: PrivacyFacts, options: PathOptions): SchemaPath[] {
  const owned = ownedTypes(schema, facts);
  const root = schema.getType(options.rootTypeName ?? 'Query');
  if (!isObjectType(root)) throw new Error('the schema has no root query type');
  const reaches = (type: GraphQLObjectType) =>
    owned.has(type.name) || Object.values(type.getFields()).some((f) => facts.personalFields.has(`${type.name}.${f.name}`) || takesCustomerReference(f));
  const found: PathStep[][] = [];
  const walk = (type: GraphQLObjectType, steps: PathStep[], seen: ReadonlySet<string>, depth: number) => {
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const path = [...steps, { typeName: type.name, fieldName: field.name }];
      if (isLeafType(named)) {
        if (steps.length === 0) found.push(path);
        continue;
      }
      if (!isObjectType(named) || seen.has(named.name) || named.name === 'PageInfo') continue;
      const nextDepth = depth + (PLUMBING.has(field.name) ? 0 : 1);
      if (nextDepth > options.maxDepth) continue;
      // A value object is selected with its parent's leaves, so it is no path end of its own.
      if (steps.length === 0 || (reaches(named) && !isValueObject(named))) found.push(path);
      walk(named, path, new Set([...seen, named.name]), nextDepth);
    }
  };
  walk(root, [], new Set([root.name]), 0);
  const key = (path: SchemaPath) => path.map((s) => `${s.typeName}.${s.fieldName}`).join('/');
  const keys = found.map(key);
  return found.filter((path, i) => !keys.some((other, j) => j !== i && other.startsWith(`${keys[i]}/`)));
}

export const describePath = (path: SchemaPath) => path.map((s) => s.fieldName).join('.');
