import { CALLER_HEADER, signCallerToken, type Caller } from '@c360/shared';
import { CustomerPageDocument, RequestDataAccessDocument, RequestErasureDocument } from './generated/graphql';
import { postGraphQL, type GraphQLResponse } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

/** Issue 10, class 9: a token kind can never carry scopes beyond its role, at the gateway and at every subgraph. */
describe('token kind ceilings', () => {
  let platform: TestPlatform;
  let customerId: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 9, customers: 4 } });
    const page = await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 1 }, platform.internal);
    customerId = page.data!.customers!.edges[0].node.id;
  });
  afterAll(() => platform.close());

  const expectRefused = (response: GraphQLResponse<unknown>) => {
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toMatch(/ceiling/);
  };

  it('refuses a BI token that carries row scopes, instead of serving rows', async () => {
    const headers = await platform.tokens.headers(CallerKind.BI, { scope: 'analytics:read customers:read customers.pii:read' });
    expectRefused(await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 5 }, headers));
  });

  it.each([
    [CallerKind.PARTNER, { partner_id: 'partner-city-bank', scope: 'customers:read customers.pii:read privacy:admin' }],
    [CallerKind.BI, { scope: 'analytics:read privacy:admin' }],
  ] as const)('refuses a %s token with privacy:admin for requestErasure and requestDataAccess', async (kind, claims) => {
    const headers = await platform.tokens.headers(kind, claims);
    expectRefused(await postGraphQL(platform.gatewayUrl, RequestErasureDocument, { customerId }, headers));
    expectRefused(await postGraphQL(platform.gatewayUrl, RequestDataAccessDocument, { customerId }, headers));
    const still = await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 5 }, platform.internal);
    expect(still.data!.customers!.edges.map((e) => e.node.id)).toContain(customerId);
  });

  it.each([
    [CallerKind.PARTNER, 'customers:write', { partner_id: 'partner-city-bank' }],
    [CallerKind.PARTNER, 'offers:write', { partner_id: 'partner-city-bank' }],
    [CallerKind.ERP_INTEGRATION, 'customers.pii:read', {}],
    [CallerKind.ERP_INTEGRATION, 'analytics:read', {}],
    [CallerKind.CUSTOMER, 'privacy:admin', { customer_id: '00000000-0000-4000-8000-000000000001' }],
    [CallerKind.BI, 'orders:read', {}],
    [CallerKind.BI, 'some:future-scope', {}],
  ] as const)('refuses a %s token asking for %s (never trims it)', async (kind, extraScope, extra) => {
    const headers = await platform.tokens.headers(kind, { ...extra, scope: `${extraScope}` });
    expectRefused(await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 1 }, headers));
  });

  it('accepts every kind with its default scopes', async () => {
    for (const [kind, extra] of [
      [CallerKind.PARTNER, { partner_id: 'partner-city-bank' }],
      [CallerKind.BI, {}],
      [CallerKind.ERP_INTEGRATION, {}],
      [CallerKind.CUSTOMER, { customer_id: customerId }],
      [CallerKind.INTERNAL_APP, { scope: 'customers:read privacy:admin catalogue:write' }],
    ] as const) {
      const response = await postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 1 }, await platform.tokens.headers(kind, extra));
      expect(response.status).toBe(200);
    }
  });

  it('refuses, at every subgraph, a correctly signed caller whose scopes exceed its kind', async () => {
    const caller: Caller = { clientId: 'bi-tool', kind: CallerKind.BI, scopes: ['analytics:read', 'customers:read', 'privacy:admin'], purpose: 'ANALYTICS' };
    for (const subgraph of platform.subgraphs) {
      const response = await fetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerToken(platform.callerSigningKey, caller, subgraph.name) },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect([subgraph.name, response.status]).toEqual([subgraph.name, 401]);
      expect(JSON.stringify(await response.json())).toMatch(/ceiling/);
    }
  });
});
