import { parse } from 'graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

/** Issue 10, class 11: validation and coercion errors name the field and the rule, never the input. */
describe('errors never echo input values', () => {
  let platform: TestPlatform;
  let customerId: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 11, customers: 3 } });
    const page = await postGraphQL(platform.gatewayUrl, parse('{ customers(first: 1) { edges { node { id } } } }'), {}, platform.internal);
    customerId = (page.data as { customers: { edges: { node: { id: string } }[] } }).customers.edges[0].node.id;
  });
  afterAll(() => platform.close());

  const NAME = 'Philippa Quartermaine-Oyelaran';
  const EMAIL = 'philippa.quartermaine@private-mail.example';
  const PHONE = '+44 20 7946 0958 ext 77';
  const SECRETS = [NAME, EMAIL, PHONE, 'Quartermaine', '7946 0958'];

  const expectNoEcho = (body: unknown, secrets: readonly string[] = SECRETS) => {
    const text = JSON.stringify(body);
    for (const secret of secrets) expect(text).not.toContain(secret);
  };

  const send = (query: string, variables: Record<string, unknown>) => postGraphQL(platform.gatewayUrl, parse(query), variables, platform.internal);

  it('class-validator errors on createCustomer name the field and the rule, not the input object', async () => {
    const response = await send('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
      input: { givenName: NAME, familyName: 'Quartermaine', email: `${EMAIL} (${NAME})`, phone: PHONE, acquisitionChannel: 'WEB', address: { city: NAME.repeat(10) } },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const violations = response.errors?.[0].extensions?.validationErrors as { field: string; rules: string[] }[];
    expect(violations.map((v) => v.field).sort()).toEqual(['address.city', 'email', 'phone']);
    expect(violations.find((v) => v.field === 'email')?.rules).toContain('isEmail');
    expectNoEcho(response);
  });

  it('a coercion error on a variable names the variable, the path and the expected type only', async () => {
    const response = await send('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
      input: { givenName: NAME, email: EMAIL, phone: PHONE, acquisitionChannel: NAME, birthDate: `${PHONE} ${EMAIL}` },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Either the gateway's scalar check (names the field and the expected form) or graphql-js coercion (rebuilt without the value).
    expect(response.errors?.[0].message).toMatch(/^Variable "?\$input/);
    expectNoEcho(response);
  });

  it('a literal of the wrong type in the document is not quoted back', async () => {
    const response = await send(`mutation { createCustomer(input: { givenName: "${NAME}", email: "${EMAIL}", acquisitionChannel: WEB, birthDate: "${PHONE}" }) { id } }`, {});
    expect(response.errors?.length).toBeGreaterThan(0);
    expectNoEcho(response);
  });

  it('recordInteraction, grantConsent, recordOrder and recordOfferResponse errors carry none of the input strings', async () => {
    const responses = await Promise.all([
      send('mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }', {
        input: { customerId, channel: 'WEB', kind: 'EVENT', type: `${NAME} called about ${EMAIL}`, attributes: { note: PHONE } },
      }),
      send('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', { input: { customerId: EMAIL, purposeCode: NAME, channel: 'WEB' } }),
      send('mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id } }', {
        input: { customerId, sourceSystem: NAME, externalId: EMAIL, channel: 'WEB', currency: PHONE, lines: [{ sku: NAME, quantity: 1 }] },
      }),
      send('mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { id } }', {
        input: { eventId: `${NAME} ${EMAIL}`, offerId: EMAIL, customerId: PHONE, type: 'SHOWN', channel: 'EMAIL' },
      }),
      send('mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { id } }', {
        input: { eventId: 'ok-event-1', offerId: customerId, customerId, type: 'SHOWN', channel: 'EMAIL', occurredAt: `${NAME}-${PHONE}` },
      }),
    ]);
    for (const response of responses) {
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(response.errors?.every((e) => typeof e.extensions?.code === 'string')).toBe(true);
      expectNoEcho(response);
    }
  });

  it('conflicts and unknown codes name the field and the rule, not the name, code or id sent', async () => {
    // Valid shapes (they pass the patterns), so the service's own checks answer: unknown, taken or reserved.
    const code = 'ZQ_PRIVATE_CODE_77';
    const slug = 'partner-zq-private-77';
    const segmentName = `${NAME}'s private list`;
    const rule = { all: [] };
    await send('mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }', { input: { id: slug, name: 'Probe partner' } });
    await send('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }', { input: { name: segmentName, rule } });
    const purpose = { code: 'ZQ_PRIVATE_PURPOSE_78', name: 'Probe purpose', description: 'A purpose defined twice', legalBasis: 'CONSENT', dataCategories: ['CONTACT'] };
    await send('mutation($input: DefinePurposeInput!) { definePurpose(input: $input) { code } }', { input: purpose });
    const responses = await Promise.all([
      send('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId, purposeCode: code, channel: 'WEB' } }),
      send('mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }', { input: { id: slug, name: 'Probe partner' } }),
      send('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }', { input: { name: segmentName, rule } }),
      send('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }', { input: { name: 'no_segment', rule } }),
      send('mutation($input: DefinePurposeInput!) { definePurpose(input: $input) { code } }', { input: purpose }),
    ]);
    for (const response of responses) {
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(response.errors?.every((e) => typeof e.extensions?.code === 'string' && e.extensions?.code !== 'INTERNAL_SERVER_ERROR')).toBe(true);
      expectNoEcho(response, [...SECRETS, code, slug, 'ZQ_PRIVATE_PURPOSE_78', 'no_segment', 'NO_SEGMENT']);
    }
  });

  it('NOT_FOUND names what was looked for, not the id asked for', async () => {
    const missing = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const responses = await Promise.all([
      send('mutation($id: ID!) { updateCustomer(id: $id, input: { displayName: "Anyone" }) { id } }', { id: missing }),
      send('mutation($id: ID!) { refreshSegment(id: $id) { id } }', { id: missing }),
      send('mutation($id: ID!) { setOrderStatus(id: $id, status: CANCELLED) { id } }', { id: missing }),
    ]);
    for (const response of responses) {
      expect(response.errors?.map((e) => e.extensions?.code)).toContain('NOT_FOUND');
      expect(JSON.stringify(response)).not.toContain(missing);
    }
  });

  it('a large invalid input does not come back amplified', async () => {
    const huge = `${NAME} `.repeat(29_000);
    const response = await send('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName: huge, acquisitionChannel: 'WEB' } });
    expect(JSON.stringify({ input: { givenName: huge } }).length).toBeGreaterThan(850_000);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response).length).toBeLessThan(2_000);
    expectNoEcho(response);
  });
});
