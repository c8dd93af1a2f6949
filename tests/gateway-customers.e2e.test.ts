import { parse } from 'graphql';
import { storageLabel } from '@c360/shared/testing';
import { CALLER_HEADER } from '@c360/shared';
import { CreateCustomerDocument, CustomerByExternalIdDocument, CustomerPageDocument, CustomerProfileDocument, RecordInteractionDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

describe(`customer profiles through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 7, customers: 30 } });
  });
  afterAll(() => platform.close());

  it('serves the seeded demo customers as a keyset-paginated connection', async () => {
    const first = await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 20 }, platform.internal);
    expect(first.errors).toBeUndefined();
    expect(first.data?.customers?.totalCount).toBe(30);
    expect(first.data?.customers?.pageInfo.hasNextPage).toBe(true);
    const second = await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 20, after: first.data!.customers!.pageInfo.endCursor }, platform.internal);
    const ids = [...first.data!.customers!.edges, ...second.data!.customers!.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(30);
    expect(second.data?.customers?.pageInfo.hasNextPage).toBe(false);
  });

  it('creates a customer and finds it by id and by external id', async () => {
    const created = await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, {
      input: { givenName: 'Eve', familyName: 'Example', email: 'eve@example.com', acquisitionChannel: 'WEB', externalIds: [{ system: 'loyalty', id: 'L-77' }] },
    }, platform.internal);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCustomer.id;
    const byId = await postGraphQL(platform.gatewayUrl, CustomerProfileDocument, { id }, platform.internal);
    expect(byId.data?.customer).toMatchObject({ displayName: 'Eve Example', externalIds: [{ system: 'loyalty', id: 'L-77' }] });
    const byExternal = await postGraphQL(platform.gatewayUrl, CustomerByExternalIdDocument, { system: 'loyalty', id: 'L-77' }, platform.internal);
    expect(byExternal.data?.customerByExternalId?.id).toBe(id);
  });

  it('answers bad input with a typed error and no stack trace', async () => {
    const result = await postGraphQL(platform.gatewayUrl, RecordInteractionDocument, {
      input: { customerId: 'not-a-uuid', channel: 'WEB', kind: 'PASSIVE', type: 'PAGE_VIEW' },
    }, platform.internal);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('ignores a caller header sent by a client: the gateway signs its own', async () => {
    const result = await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 1 }, { ...platform.internal, [CALLER_HEADER]: 'forged.token' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.customers?.edges).toHaveLength(1);
  });

  it('refuses operations nested too deep, with too many aliases or too costly before any subgraph is asked', async () => {
    const customers = platform.subgraphs.find((s) => s.name === 'customers')!;
    let subgraphCalls = 0;
    const onRequest = () => subgraphCalls++;
    customers.http.on('request', onRequest);
    // customers > edges > node > orders > ... : 16 fields deep, through a fragment
    const deep = parse(`query { customers(first: 1) { edges { node { ...Loop } } } }
      fragment Loop on Customer { orders(first: 1) { edges { node { customer { orders(first: 1) { edges { node { customer { orders(first: 1) { edges { node { customer { id } } } } } } } } } } } } }`);
    const tooDeep = await postGraphQL(platform.gatewayUrl, deep, {}, platform.internal);
    const aliased = parse(`query { ${Array.from({ length: 31 }, (_, i) => `c${i}: customers(first: 1) { totalCount }`).join(' ')} }`);
    const tooManyAliases = await postGraphQL(platform.gatewayUrl, aliased, {}, platform.internal);
    // 100 customers x 100 orders x their lines: a page size given as a variable counts too.
    const costly = parse(`query Costly($n: Int!) { customers(first: 100) { edges { node { id orders(first: $n) { edges { node { id lines { sku quantity } } } } } } } }`);
    const tooCostly = await postGraphQL(platform.gatewayUrl, costly, { n: 100 }, platform.internal);
    customers.http.off('request', onRequest);
    expect([tooDeep.status, tooDeep.data ?? null]).toEqual([400, null]);
    expect(tooDeep.errors?.[0].message).toBe('Operation is 16 fields deep; at most 15 are allowed');
    expect([tooManyAliases.status, tooManyAliases.data ?? null]).toEqual([400, null]);
    expect(tooManyAliases.errors?.[0].message).toBe('Document has 31 aliased fields; at most 30 are allowed');
    expect([tooCostly.status, tooCostly.data ?? null]).toEqual([400, null]);
    expect(tooCostly.errors?.[0].extensions).toEqual({ code: 'OPERATION_TOO_COSTLY', cost: 60401, maxCost: 20000 });
    expect(subgraphCalls).toBe(0);

    // The same operation with a small page is served.
    const affordable = await postGraphQL(platform.gatewayUrl, costly, { n: 2 }, platform.internal);
    expect([affordable.status, affordable.errors]).toEqual([200, undefined]);
  });

  it('reuses connections to subgraphs instead of opening one per request', async () => {
    const customers = platform.subgraphs.find((s) => s.name === 'customers')!;
    let opened = 0;
    const onConnection = () => opened++;
    customers.http.on('connection', onConnection);
    for (let i = 0; i < 20; i++) await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 1 }, platform.internal);
    customers.http.off('connection', onConnection);
    expect(opened).toBeLessThanOrEqual(2);
    expect(customers.http.keepAliveTimeout).toBeGreaterThan(4_000); // above undici's client-side idle timeout
  });

  it('refuses direct calls to a subgraph that do not carry a gateway-signed caller', async () => {
    const customers = platform.subgraphs.find((s) => s.name === 'customers')!;
    const direct = await postGraphQL(customers.url, CustomerPageDocument, { first: 1 });
    expect(direct.status).toBe(401);
    expect(direct.data ?? null).toBeNull();
    const forged = await postGraphQL(customers.url, CustomerPageDocument, { first: 1 }, { [CALLER_HEADER]: 'eyJjYWxsZXIiOnt9fQ.c2lnbmF0dXJl' });
    expect(forged.status).toBe(401);
    expect(forged.data ?? null).toBeNull();
  });
});
