import { startTestPlatform, type TestPlatform } from './support/test-platform';

/**
 * Every client mistake is answered with a 4xx and a typed code, before planning or SQL,
 * and the message never repeats the value that was sent.
 */
describe('client mistakes at the gateway', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 3, customers: 5 } });
  });
  afterAll(() => platform.close());

  const send = async (body: unknown) => {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...platform.internal },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
  };

  const expectClientError = async (body: unknown, code: string, message: RegExp, secret?: string) => {
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(response.body.errors?.[0].message).toMatch(message);
    if (secret) expect(response.text).not.toContain(secret);
    return response;
  };

  const customersAfter = 'query($d: DateTimeISO) { customers(filter: { createdAfter: $d }, first: 1) { totalCount } }';
  const createCustomer = 'mutation($b: LocalDate) { createCustomer(input: { acquisitionChannel: WEB, birthDate: $b }) { id } }';
  const recordInteraction = 'mutation($a: JSONObject) { recordInteraction(input: { customerId: "00000000-0000-4000-8000-000000000000", channel: WEB, kind: ACTIVE, type: "X", attributes: $a }) { id } }';
  const createOffer = (benefit: string) =>
    `mutation${benefit === '$m' ? '($m: Float)' : ''} { createOffer(input: { campaignId: "00000000-0000-4000-8000-000000000000", name: "n", headline: "h", benefitType: PERCENT_DISCOUNT, benefitValue: ${benefit}, validFrom: "2030-01-01T00:00:00Z", validUntil: "2030-02-01T00:00:00Z", channel: EMAIL, personalisationType: COSMETIC }) { id } }`;
  const customersPage = 'query($a: String, $s: String) { customers(after: $a, filter: { search: $s }, first: 1) { totalCount } }';
  const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

  describe('choosing the operation', () => {
    it('refuses several operations without operationName', () =>
      expectClientError({ query: 'query A { purposes { code } } query B { purposes { code } }' }, 'BAD_REQUEST', /several operations: send operationName/));

    it('refuses an operationName the document does not hold', () =>
      expectClientError({ query: 'query A { purposes { code } }', operationName: 'Zzz' }, 'BAD_REQUEST', /does not name an operation/, 'Zzz'));

    it('refuses a subscription', () => expectClientError({ query: 'subscription S { purposes { code } }' }, 'BAD_REQUEST', /Subscriptions are not supported/));

    it('refuses a persisted-query hash that does not match its query', () =>
      expectClientError({ query: '{ purposes { code } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, 'BAD_REQUEST', /sha/));
  });

  describe('scalar values', () => {
    it('refuses 1e400 as a Float variable', () => expectClientError(`{"query":${JSON.stringify(createOffer('$m'))},"variables":{"m":1e400}}`, 'BAD_USER_INPUT', /\$m is not valid: expected a finite number/));

    it('refuses 1e400 as a Float literal', () => expectClientError({ query: createOffer('1e400') }, 'BAD_USER_INPUT', /Float value in this operation is not valid: expected a finite number/));

    it('refuses the same bad literal every time, also after a good document was checked', async () => {
      // Passing documents are remembered per schema; a failing one must never be.
      const good = 'query { customers(filter: { search: "ab" }, first: 1) { totalCount } }';
      const bad = 'query { customers(filter: { search: "a\\u0000b" }, first: 1) { totalCount } }';
      for (let i = 0; i < 3; i++) {
        await expectClientError({ query: bad }, 'BAD_USER_INPUT', /String value in this operation is not valid/);
        expect((await send({ query: good })).status).toBe(200);
      }
    });

    it.each([
      ['not a date', 'not-a-date'],
      ['an impossible date', '2020-02-30T00:00:00Z'],
      ['an hour past 23', '2020-01-01T25:00:00Z'],
      ['injected text in a date filter', "2020-01-01T00:00:00Z'; DROP TABLE customers.customer;--"],
      ['a date without time zone', '2020-01-01T00:00:00'],
    ])('refuses %s as a DateTimeISO variable, without echoing it', (_what, value) =>
      expectClientError({ query: customersAfter, variables: { d: value } }, 'BAD_USER_INPUT', /Variable \$d is not valid: expected an RFC 3339 date-time/, value));

    it('refuses an invalid DateTimeISO literal in a filter', () =>
      expectClientError({ query: 'query { customers(filter: { createdAfter: "2020-13-45T99:00:00Z" }, first: 1) { totalCount } }' }, 'BAD_USER_INPUT', /DateTimeISO value in this operation is not valid/, '2020-13-45'));

    it('still answers a valid date filter', async () => {
      const response = await send({ query: customersAfter, variables: { d: '2000-01-01T00:00:00.000+02:00' } });
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    });

    it.each([['31 February', '1990-02-31'], ['a date-time', '1990-01-01T00:00:00Z'], ['text', 'yesterday']])('refuses %s as a LocalDate', (_what, value) =>
      expectClientError({ query: createCustomer, variables: { b: value } }, 'BAD_USER_INPUT', /Variable \$b is not valid: expected a calendar date/, value));

    it.each([
      ['a list', [1, 2]],
      ['a string', 'text'],
      ['an object with a NUL byte inside', { note: 'a\u0000b' }],
    ])('refuses %s as a JSONObject', (_what, value) =>
      expectClientError({ query: recordInteraction, variables: { a: value } }, 'BAD_USER_INPUT', /Variable \$a is not valid: expected a JSON object/));

    it('refuses a NUL byte in a string variable before it reaches SQL', () =>
      expectClientError({ query: customersPage, variables: { s: 'ab\u0000c' } }, 'BAD_USER_INPUT', /Variable \$s is not valid: expected text without NUL/));

    it('refuses a NUL byte in a string literal nested in an input object', () =>
      expectClientError({ query: 'query { customers(filter: { search: "a\\u0000b" }, first: 1) { totalCount } }' }, 'BAD_USER_INPUT', /String value in this operation is not valid/));
  });

  describe('hand-edited cursors', () => {
    it.each([
      ['a date that is not one', ['not-a-date', '00000000-0000-4000-8000-000000000000']],
      ['an id that is not a UUID', ['2020-01-01T00:00:00.000Z', "x' OR 1=1"]],
      ['a NUL byte', ['2020-01-01T00:00:00.000Z\u0000', '00000000-0000-4000-8000-000000000000']],
      ['the wrong number of values', ['2020-01-01T00:00:00.000Z']],
      ['an object instead of values', { at: 1 }],
    ])('refuses a cursor holding %s', async (_what, key) => {
      const response = await send({ query: customersPage, variables: { a: cursorOf(key) } });
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0].message).toMatch(/"after" cursor is not valid/);
    });

    it('accepts the cursor the graph itself returned', async () => {
      const first = await send({ query: 'query { customers(first: 1) { edges { cursor } } }' });
      const cursor = (first.body.data as { customers: { edges: { cursor: string }[] } }).customers.edges[0].cursor;
      const next = await send({ query: customersPage, variables: { a: cursor } });
      expect(next.body.errors).toBeUndefined();
    });

    it('refuses a hand-edited cursor of a child list (orders of a customer)', async () => {
      const response = await send({ query: 'query($a: String) { customers(first: 1) { edges { node { orders(after: $a, first: 1) { totalCount } } } } }', variables: { a: cursorOf(['yesterday', 'nobody']) } });
      expect(response.body.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
      expect(response.body.errors?.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    });
  });

  describe('nesting', () => {
    const nested = (depth: number) => `${'{"not":'.repeat(depth)}{}${'}'.repeat(depth)}`;
    const createSegment = 'mutation($r: SegmentRuleInput!) { createSegment(input: { name: "deep", rule: $r }) { id } }';

    it('refuses a segment rule nested thousands deep without overflowing the stack', () =>
      expectClientError(`{"query":${JSON.stringify(createSegment)},"variables":{"r":${nested(5000)}}}`, 'BAD_REQUEST', /nests deeper than 64 levels/));

    it('refuses a JSONObject nested thousands deep', () =>
      expectClientError(`{"query":${JSON.stringify(recordInteraction)},"variables":{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`, 'BAD_REQUEST', /nests deeper than 64 levels/));

    it('refuses a literal nested thousands deep in the GraphQL text', () =>
      expectClientError({ query: `mutation { createSegment(input: { name: "deep", rule: ${'{ not: '.repeat(3000)}{}${' }'.repeat(3000)} }) { id } }` }, 'BAD_REQUEST', /nests deeper than 64 levels/));

    it('leaves a moderately nested rule to the segment rules (typed, not a crash)', async () => {
      const response = await send({ query: createSegment, variables: { r: JSON.parse(nested(40)) } });
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });
  });
});
