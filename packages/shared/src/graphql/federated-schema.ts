import { parse, specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import type { ResolverContainer } from './resolver-container';
import { readPlainFieldsDirectly } from './plain-fields';
import { validateArgument } from './argument-validation';
import { scopeAuthChecker } from './scope-auth';
import { guardPersonalData, type PersonalDataOwners } from '../privacy/consent-guard';
import { guardOwnedTypes } from '../privacy/owned-types';
import { PERSONAL_DATA_SPEC_URL, personalDataDirective } from '../privacy/personal-data';

const SCHEMA_LINKS = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@composeDirective"])
  @link(url: "${PERSONAL_DATA_SPEC_URL}", import: ["@personalData"])
  @composeDirective(name: "@personalData")`;

export type ReferenceResolvers<Context> = Record<string, { __resolveReference(reference: Record<string, unknown>, context: Context): unknown }>;

export interface FederatedSchemaOptions<Context> {
  /** The subgraph's resolver instances, already wired with their services. */
  resolvers: ResolverContainer;
  /** Types not reachable from a root field, e.g. stubs of entities owned by another subgraph. */
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  referenceResolvers?: ReferenceResolvers<Context>;
  /** For every type with `@personalData` fields: the customer whose data it is. */
  personalDataOwners?: PersonalDataOwners;
  /** Owned types reached only inside an owned parent (visible exactly when the parent is). */
  ownedThroughParent?: readonly string[];
}

/**
 * Builds a Federation v2 subgraph schema from type-graphql classes. The code-first schema
 * is printed *with* its directives (graphql's printSchema drops `@key`) and handed to
 * `buildSubgraphSchema`, which adds `_service` and `_entities`.
 */
export async function buildFederatedSchema<Context>(options: FederatedSchemaOptions<Context>): Promise<GraphQLSchema> {
  const codeFirst = await buildSchema({
    resolvers: options.resolvers.classes(),
    container: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validateFn: validateArgument,
    directives: [...specifiedDirectives, personalDataDirective],
    authChecker: scopeAuthChecker,
    authMode: 'error',
    skipCheck: true,
  });
  const resolvers = createResolversMap(codeFirst) as GraphQLResolverMap<unknown>;
  const rootTypes = [codeFirst.getQueryType(), codeFirst.getMutationType(), codeFirst.getSubscriptionType()].flatMap((type) => (type ? [type.name] : []));
  readPlainFieldsDirectly(resolvers, rootTypes);
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({
    typeDefs: parse(`${SCHEMA_LINKS}\n${printSchemaWithDirectives(codeFirst)}`),
    resolvers,
  });
  guardPersonalData(schema, options.personalDataOwners ?? {});
  // Outermost: an object of a customer the caller may not see never reaches the personal-field guard.
  guardOwnedTypes(schema, { owners: options.personalDataOwners ?? {}, ownedThroughParent: options.ownedThroughParent });
  return schema;
}
