import { statementCounter } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';

const CREATE = `mutation Create($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id displayName email phone locale acquisitionChannel externalIds { system id } address { city countryCode } }
}`;

const LIST = `query List($first: Int, $after: String, $filter: CustomerFilter) {
  customers(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id displayName } }
  }
}`;

interface Created {
  createCustomer: { id: string; displayName: string; email: string | null; externalIds: { system: string; id: string }[] };
}
interface ListResult {
  customers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { id: string; displayName: string } }[] };
}

describe(`customers subgraph on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
  });
  afterAll(() => harness.close());

  const create = (input: Record<string, unknown>) => harness.execute<Created, { input: Record<string, unknown> }>(CREATE, { input });

  it('creates a customer, deriving the display name and normalising the email', async () => {
    const result = await create({ givenName: 'Ada', familyName: 'Lovelace', email: 'Ada@Example.com', acquisitionChannel: 'WEB', externalIds: [{ system: 'webshop', id: 'W-1' }] });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createCustomer).toMatchObject({ displayName: 'Ada Lovelace', email: 'ada@example.com', externalIds: [{ system: 'webshop', id: 'W-1' }] });
  });

  it('finds a customer by external id', async () => {
    await create({ givenName: 'Grace', acquisitionChannel: 'STORE', externalIds: [{ system: 'erp', id: 'E-42' }] });
    const result = await harness.execute<{ customerByExternalId: { displayName: string } | null }>(`{ customerByExternalId(system: "erp", id: "E-42") { displayName } }`);
    expect(result.data?.customerByExternalId?.displayName).toBe('Grace');
  });

  it('rejects an external id that already belongs to someone, writing nothing', async () => {
    await create({ givenName: 'First', acquisitionChannel: 'WEB', externalIds: [{ system: 'crm', id: 'DUP' }] });
    const before = await harness.execute<ListResult>(LIST, { filter: { search: 'second' } } as never);
    const result = await create({ givenName: 'Second', acquisitionChannel: 'WEB', externalIds: [{ system: 'crm', id: 'DUP' }] });
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
    const after = await harness.execute<ListResult>(LIST, { filter: { search: 'second' } } as never);
    expect(after.data?.customers.totalCount).toBe(before.data?.customers.totalCount);
  });

  it('answers invalid input with BAD_USER_INPUT', async () => {
    const badEmail = await create({ givenName: 'X', email: 'not-an-email', acquisitionChannel: 'WEB' });
    expect(badEmail.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const noName = await create({ email: 'nobody@example.com', acquisitionChannel: 'WEB' });
    expect(noName.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await harness.execute(`{ customer(id: "not-a-uuid") { id } }`);
    expect(badId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('updates only the given fields and reports NOT_FOUND for unknown customers', async () => {
    const { data } = await create({ givenName: 'Up', familyName: 'Date', phone: '+4512345678', acquisitionChannel: 'WEB' });
    const id = data!.createCustomer.id;
    const updated = await harness.execute<{ updateCustomer: { phone: string; locale: string; address: { city: string } } }>(
      `mutation { updateCustomer(id: "${id}", input: { locale: "da-DK", address: { city: "Aarhus", countryCode: "DK" } }) { phone locale address { city } } }`,
    );
    expect(updated.data?.updateCustomer).toEqual({ phone: '+4512345678', locale: 'da-DK', address: { city: 'Aarhus' } });
    const missing = await harness.execute(`mutation { updateCustomer(id: "00000000-0000-4000-8000-000000000000", input: { locale: "en" }) { id } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('counts the whole list only when totalCount is selected (directly or through a fragment)', async () => {
    for (let i = 0; i < 3; i++) await create({ givenName: `Counted${i}`, acquisitionChannel: 'REFERRAL' });
    const statementsFor = async (selection: string) => {
      const fragment = selection.includes('...Count') ? ' fragment Count on CustomerConnection { totalCount }' : '';
      statementCounter.reset();
      const result = await harness.execute<{ customers: { totalCount?: number; edges: unknown[] } }>(`query { customers(first: 2, filter: { acquisitionChannel: REFERRAL }) { ${selection} } }${fragment}`);
      expect(result.errors).toBeUndefined();
      return { statements: statementCounter.total(), totalCount: result.data!.customers.totalCount };
    };
    expect(await statementsFor('edges { node { id } }')).toEqual({ statements: 1, totalCount: undefined });
    expect(await statementsFor('totalCount edges { node { id } }')).toEqual({ statements: 2, totalCount: 3 });
    expect(await statementsFor('...Count edges { node { id } }')).toEqual({ statements: 2, totalCount: 3 });
    expect(await statementsFor('... on CustomerConnection { totalCount } edges { node { id } }')).toEqual({ statements: 2, totalCount: 3 });
  });

  it('pages through customers with keyset cursors, each customer exactly once', async () => {
    for (let i = 0; i < 7; i++) await create({ givenName: `Pager${i}`, acquisitionChannel: 'EMAIL' });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: ListResult | null } = await harness.execute<ListResult>(LIST, { first: 3, after, filter: { acquisitionChannel: 'EMAIL' } } as never);
      const customers = page.data!.customers;
      expect(customers.totalCount).toBe(7);
      seen.push(...customers.edges.map((e) => e.node.displayName));
      if (!customers.pageInfo.hasNextPage) break;
      after = customers.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `Pager${i}`));
    const bad = await harness.execute(LIST, { after: 'garbage' } as never);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records interactions and returns the timeline newest first', async () => {
    const { data } = await create({ givenName: 'Tim', acquisitionChannel: 'MOBILE' });
    const id = data!.createCustomer.id;
    for (const [type, kind, at] of [['PAGE_VIEW', 'PASSIVE', '2026-01-01T10:00:00Z'], ['SURVEY_ANSWER', 'ACTIVE', '2026-02-01T10:00:00Z']]) {
      const r = await harness.execute(`mutation { recordInteraction(input: { customerId: "${id}", channel: WEB, kind: ${kind}, type: "${type}", occurredAt: "${at}", attributes: { n: 1 } }) { id } }`);
      expect(r.errors).toBeUndefined();
    }
    const timeline = await harness.execute<{ customer: { interactions: { totalCount: number; edges: { node: { type: string; kind: string } }[] } } }>(
      `{ customer(id: "${id}") { interactions(first: 5) { totalCount edges { node { type kind } } } } }`,
    );
    expect(timeline.data?.customer.interactions).toEqual({
      totalCount: 2,
      edges: [{ node: { type: 'SURVEY_ANSWER', kind: 'ACTIVE' } }, { node: { type: 'PAGE_VIEW', kind: 'PASSIVE' } }],
    });
    const unknown = await harness.execute(`mutation { recordInteraction(input: { customerId: "00000000-0000-4000-8000-000000000000", channel: WEB, kind: PASSIVE, type: "PAGE_VIEW" }) { id } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves Customer entity references in one batch', async () => {
    const { data } = await create({ givenName: 'Ref', acquisitionChannel: 'WEB' });
    const result = await harness.execute<{ _entities: { displayName: string }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { displayName } } }`,
      { r: [{ __typename: 'Customer', id: data!.createCustomer.id }] } as never,
    );
    expect(result.data?._entities).toEqual([{ displayName: 'Ref' }]);
  });
});
