import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { denyAllDecider, noPeers, personalDataCategoryOf, refusingDisclosureRecorder, unownedCustomerReferences, createServiceDataSource, type SubgraphApp, type SubgraphDefinition } from '@c360/shared';
import { buildSchemaFiles, schemaOnlyStorage } from '../scripts/supergraph';
import { SUBGRAPHS } from '../scripts/subgraphs';

async function buildApp(definition: SubgraphDefinition): Promise<SubgraphApp> {
  const storage = schemaOnlyStorage();
  const dataSource = createServiceDataSource(storage, { service: definition.name, ...definition.storage });
  return definition.createApp(dataSource, { callerSigningKey: 'x'.repeat(32), production: false, privacy: { consentDecider: denyAllDecider, disclosureRecorder: refusingDisclosureRecorder }, peers: noPeers });
}

describe('personal data map', () => {
  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('%s: every field of a personal-data type is either @personalData or reviewed as non-personal', async (_name, definition) => {
    const app = await buildApp(definition);
    const unclassified: string[] = [];
    const staleExemptions = new Set(definition.personalData.nonPersonalFields);
    for (const typeName of Object.keys(definition.personalData.owners)) {
      const type = app.schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is declared as holding personal data but is not an object type`);
      for (const field of Object.values(type.getFields())) {
        const key = `${typeName}.${field.name}`;
        staleExemptions.delete(key);
        if (!personalDataCategoryOf(field) && !definition.personalData.nonPersonalFields.includes(key)) unclassified.push(key);
      }
    }
    await app.apollo.stop();
    expect({ unclassified, staleExemptions: [...staleExemptions] }).toEqual({ unclassified: [], staleExemptions: [] });
  });

  it('schema/data-map.json lists every personal field and every owned type of the graph', async () => {
    const files = await buildSchemaFiles(SUBGRAPHS);
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schema', 'data-map.json'), 'utf8'));
    expect(committed).toEqual(files.dataMap);
    expect(files.dataMap.personalFields).toContainEqual({ subgraph: 'customers', type: 'Customer', field: 'email', category: 'CONTACT' });
    expect(files.dataMap.ownedTypes).toEqual(
      expect.arrayContaining([
        { subgraph: 'transactions', type: 'Order', owner: 'self' },
        { subgraph: 'offers', type: 'OfferResponse', owner: 'self' },
        { subgraph: 'consent', type: 'ConsentEvent', owner: 'self' },
        { subgraph: 'transactions', type: 'OrderLine', owner: 'parent' },
      ]),
    );
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('%s: every public type with a customer reference declares its owner', async (_name, definition) => {
    const app = await buildApp(definition);
    const unowned = unownedCustomerReferences(app.schema, definition.personalData);
    await app.apollo.stop();
    expect(unowned).toEqual([]);
  });

  it('finds the next type that references a customer without an owner (customerId, customer, or a Customer field)', () => {
    const schema = buildSchema(`
      type Customer { id: ID! }
      type Receipt { id: ID! customerId: ID! }
      type Pick { customer: Customer! }
      type Visit { who: Customer }
      type Product { sku: String! }
      type CustomerEdge { node: Customer! }
      type CustomerConnection { edges: [CustomerEdge!]! }
      type Query { receipt: Receipt pick: Pick visit: Visit product: Product customers: CustomerConnection }
    `);
    expect(unownedCustomerReferences(schema, { owners: { Customer: (c) => c.id as string }, nonPersonalFields: [] })).toEqual(['Pick', 'Receipt', 'Visit']);
    expect(unownedCustomerReferences(schema, { owners: { Customer: (c) => c.id as string, Receipt: (r) => r.customerId as string }, ownedThroughParent: ['Pick', 'Visit'], nonPersonalFields: [] })).toEqual([]);
  });
});
