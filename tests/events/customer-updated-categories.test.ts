import { isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import type { EntityManager } from 'typeorm';
import { createServiceDataSource, denyAllDecider, noPeers, personalDataCategoryOf, refusingDisclosureRecorder } from '@c360/shared';
import { schemaOnlyStorage } from '../../scripts/supergraph';
import { customersSubgraph } from '../../subgraphs/customers/src';
import { CUSTOMER_UPDATED_FIELDS } from '../../subgraphs/customers/src/customer/customer.events';
import type { UpdateCustomerInput } from '../../subgraphs/customers/src/customer/customer.input';
import type { CustomerRepository } from '../../subgraphs/customers/src/customer/customer.repository';
import { CustomerService } from '../../subgraphs/customers/src/customer/customer.service';
import { CUSTOMER_FIELD_CATEGORY } from '../../subgraphs/consent/src/webhooks/partner-relay';

/** Every field of updateCustomer's input given a value (the schema test below keeps this complete). */
const EVERY_FIELD: UpdateCustomerInput = {
  displayName: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+442071234567',
  birthDate: '1990-01-01',
  address: { line1: '1 Analytical Row', line2: 'Flat 2', postalCode: 'SW1A 1AA', city: 'London', region: 'Greater London', countryCode: 'GB' },
  locale: 'en-GB',
};

/**
 * Issue 15: the consent subgraph's webhook relay tells a partner the names of a customer's changed
 * fields only under the category of each, from a map it keeps itself (it cannot import the customers
 * subgraph's code). This test, which may read both, is what keeps the two from drifting.
 */
describe('the categories the partner relay gives customer.updated field names', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    const dataSource = createServiceDataSource(schemaOnlyStorage(), { service: customersSubgraph.name, ...customersSubgraph.storage });
    const app = await customersSubgraph.createApp(dataSource, {
      callerSigningKey: 'x'.repeat(32),
      production: false,
      privacy: { consentDecider: denyAllDecider, disclosureRecorder: refusingDisclosureRecorder },
      peers: noPeers,
    });
    schema = app.schema;
    await app.apollo.stop();
  });

  it("are exactly the @personalData categories of the Customer fields that show them, for every name the customers subgraph can send", () => {
    const customer = schema.getType('Customer');
    if (!isObjectType(customer)) throw new Error('Customer is not an object type');
    const expected = Object.fromEntries(Object.entries(CUSTOMER_UPDATED_FIELDS).map(([name, field]) => [name, personalDataCategoryOf(customer.getFields()[field])]));
    // Every name shows a personal field (a name the guard would not check has no category to relay under).
    expect(Object.entries(expected).filter(([, category]) => category === undefined)).toEqual([]);
    // No name missing, none extra, none under another category.
    expect(CUSTOMER_FIELD_CATEGORY).toEqual(expected);
  });

  it('are given for every name updateCustomer records: each input field set, each column it changes is a name of CUSTOMER_UPDATED_FIELDS', async () => {
    // The input above sets every field the schema's input has (a new input field fails here first).
    const input = schema.getType('UpdateCustomerInput');
    const address = schema.getType('PostalAddressInput');
    if (!isInputObjectType(input) || !isInputObjectType(address)) throw new Error('the customers schema lost its update input');
    expect(Object.keys(input.getFields()).filter((f) => f !== 'addExternalIds').sort()).toEqual(Object.keys(EVERY_FIELD).sort());
    expect(Object.keys(address.getFields()).sort()).toEqual(Object.keys(EVERY_FIELD.address!).sort());

    // The real update, its outbox write captured: the names it records.
    const recorded: string[][] = [];
    const manager = {
      connection: { options: { schema: 'customers' } },
      async query(sql: string, params: unknown[]) {
        if (sql.includes('.outbox')) recorded.push((JSON.parse(params[5] as string) as { fields: string[] }).fields);
        return [];
      },
    } as unknown as EntityManager;
    const customers = {
      transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager),
      update: async () => true,
      addExternalIds: async () => undefined,
    } as unknown as CustomerRepository;
    await new CustomerService(customers).update('11111111-1111-4111-8111-111111111111', EVERY_FIELD);
    expect(recorded).toHaveLength(1);
    expect([...recorded[0]].sort()).toEqual(Object.keys(CUSTOMER_UPDATED_FIELDS).sort());
    expect(recorded[0].filter((name) => !Object.hasOwn(CUSTOMER_FIELD_CATEGORY, name))).toEqual([]);
  });
});
