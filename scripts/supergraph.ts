import { parse, printSchema } from 'graphql';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createServiceDataSource, denyAllDecider, noPeers, ownedTypes, personalDataFields, type DataMap, refusingDisclosureRecorder, type Storage, type SubgraphDefinition } from '@c360/shared';

export interface SchemaFiles {
  subgraphs: Record<string, string>;
  supergraph: string;
  /** The client-facing schema (what codegen and API consumers see). */
  api: string;
  /** Every personal field of the graph (subgraph, type, field, category) and every owned type. */
  dataMap: DataMap;
}

/** Default URLs written into the supergraph; deployments override them with <NAME>_URL. */
export const defaultSubgraphUrl = (definition: SubgraphDefinition) => `http://localhost:${definition.defaultPort}/graphql`;

/**
 * Storage for building schemas only: the apps' data sources are created but never connected (an embedded
 * database would cost seconds of initdb for nothing); a query would fail at once (nothing listens on port 1).
 */
export const schemaOnlyStorage = (): Storage => ({ kind: 'postgres', url: 'postgres://127.0.0.1:1/schema-only', statementTimeoutMs: 0, close: async () => undefined });

/** Builds every subgraph schema (no database access) and composes the supergraph. */
export async function buildSchemaFiles(definitions: SubgraphDefinition[]): Promise<SchemaFiles> {
  const storage = schemaOnlyStorage();
  try {
    const subgraphs: Record<string, string> = {};
    const dataMap: DataMap = { personalFields: [], ownedTypes: [] };
    for (const definition of definitions) {
      const dataSource = createServiceDataSource(storage, { service: definition.name, ...definition.storage });
      const app = await definition.createApp(dataSource, {
        callerSigningKey: 'x'.repeat(32),
        production: false,
        privacy: { consentDecider: denyAllDecider, disclosureRecorder: refusingDisclosureRecorder },
        peers: noPeers,
      });
      subgraphs[definition.name] = printSubgraphSchema(app.schema);
      dataMap.personalFields.push(...personalDataFields(definition.name, app.schema));
      dataMap.ownedTypes.push(...ownedTypes(definition.name, app.schema, definition.personalData));
      await app.apollo.stop();
    }
    const composed = composeServices(
      definitions.map((d) => ({ name: d.name, url: defaultSubgraphUrl(d), typeDefs: parse(subgraphs[d.name]) })),
    );
    if (composed.errors) throw new Error(`Supergraph composition failed:\n${composed.errors.map((e) => `  - ${e.message}`).join('\n')}`);
    return { subgraphs, supergraph: composed.supergraphSdl, dataMap, api: printSchema(composed.schema.toAPISchema().toGraphQLJSSchema()) };
  } finally {
    await storage.close();
  }
}
