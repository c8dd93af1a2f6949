import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import type { PersonalDataPolicy } from './consent-guard';
import { personalDataCategoryOf, type PersonalDataCategory } from './personal-data';

export interface DataMapEntry {
  subgraph: string;
  type: string;
  field: string;
  category: PersonalDataCategory;
}

/** A type that carries information about a customer: `self` names its customer, `parent` lives inside an owned parent. */
export interface OwnedTypeEntry {
  subgraph: string;
  type: string;
  owner: 'self' | 'parent';
}

/** What schema/data-map.json holds: personal fields, and the owned types the audience rule applies to. */
export interface DataMap {
  personalFields: DataMapEntry[];
  ownedTypes: OwnedTypeEntry[];
}

/** Every field a subgraph declares as personal data. */
export function personalDataFields(subgraph: string, schema: GraphQLSchema): DataMapEntry[] {
  const entries: DataMapEntry[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const category = personalDataCategoryOf(field);
      if (category) entries.push({ subgraph, type: type.name, field: field.name, category });
    }
  }
  return entries.sort((a, b) => `${a.type}.${a.field}`.localeCompare(`${b.type}.${b.field}`));
}

/** Every owned type a subgraph declares that its schema has. */
export function ownedTypes(subgraph: string, schema: GraphQLSchema, policy: PersonalDataPolicy): OwnedTypeEntry[] {
  const self = Object.keys(policy.owners).map((type) => ({ subgraph, type, owner: 'self' as const }));
  const parent = (policy.ownedThroughParent ?? []).map((type) => ({ subgraph, type, owner: 'parent' as const }));
  return [...self, ...parent].filter((entry) => isObjectType(schema.getType(entry.type))).sort((a, b) => a.type.localeCompare(b.type));
}

const isInaccessible = (node: { astNode?: { directives?: readonly { name: { value: string } }[] } | null }) => !!node.astNode?.directives?.some((d) => d.name.value === 'inaccessible');

/** Types a client of the public graph can receive: from public root fields (and entity references), through every field. */
export function publicTypes(schema: GraphQLSchema): Set<string> {
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isUnionType(type)) type.getTypes().forEach(visit);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) if (!isInaccessible(field)) visit(getNamedType(field.type));
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) if (!isInaccessible(field) && field.name !== '_service') visit(getNamedType(field.type));
  }
  return seen;
}

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Public object types that reference a customer (a field named customerId or customer, or one
 * returning Customer) but declare no owner: the audience rule would not know whose they are.
 * Relay edges and connections are containers of their nodes and need none of their own.
 */
export function unownedCustomerReferences(schema: GraphQLSchema, policy: PersonalDataPolicy): string[] {
  const declared = new Set([...Object.keys(policy.owners), ...(policy.ownedThroughParent ?? [])]);
  const reachable = publicTypes(schema);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_') || ROOTS.has(type.name) || !reachable.has(type.name) || declared.has(type.name)) continue;
    const fields = type.getFields();
    if (fields.node || fields.edges) continue;
    const references = Object.values(fields).some((f) => f.name === 'customerId' || f.name === 'customer' || getNamedType(f.type).name === 'Customer');
    if (references) missing.push(type.name);
  }
  return missing.sort();
}
