import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 37, customers: 4 };
const MISSING = 'a0a0a0a0-0000-4000-8000-00000000b0b0';

/**
 * Writes are reads too: a mutation on another customer's records must answer a self-service caller
 * exactly as for a customer that does not exist, write nothing, and never return that customer's values.
 */
describe(`mutations respect the audience rule on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let alice: string; // the self-service caller
  let bob: string; // another customer
  let bobOrder: string;
  let self: Record<string, string>;
  let erp: Record<string, string>;
  type Answer = Awaited<ReturnType<typeof postGraphQL<Record<string, any>, Record<string, unknown>>>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ask = (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal): Promise<Answer> =>
    postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
  const ok = async (source: string, variables: Record<string, unknown>) => {
    const r = await ask(source, variables);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const customer = async (givenName: string) =>
    (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName, familyName: 'Writer', email: `${givenName.toLowerCase()}-${randomUUID()}@example.com`, acquisitionChannel: 'WEB', birthDate: '1970-03-04' } })).createCustomer.id as string;
  const body = (r: Answer) => JSON.stringify({ data: r.data ?? null, errors: r.errors ?? null });

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    alice = await customer('Alice');
    bob = await customer('Bobbin');
    const sku = demoProducts(DEMO).find((p) => p.stockLevel >= 50)!.sku;
    bobOrder = (await ok('mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id } }', { input: { customerId: bob, sourceSystem: 'webshop', externalId: `mut-${randomUUID()}`, channel: 'WEB', currency: 'EUR', lines: [{ sku, quantity: 1, unitPrice: 4321.09 }] } })).recordOrder.id;
    self = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: alice });
    erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, {});
  });
  afterAll(() => platform?.close());

  const writes: [string, string, (id: string) => Record<string, unknown>][] = [
    ['updateCustomer', 'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id givenName birthDate } }', (id) => ({ id, input: { givenName: 'Mallory' } })],
    ['recordInteraction', 'mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id type } }', (id) => ({ input: { customerId: id, channel: 'WEB', kind: 'ACTIVE', type: 'SELF_PROBE' } })],
    ['grantConsent', 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { status eventId } }', (id) => ({ input: { customerId: id, purposeCode: 'MARKETING', channel: 'WEB' } })],
    ['withdrawConsent', 'mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { status eventId } }', (id) => ({ input: { customerId: id, purposeCode: 'MARKETING', channel: 'WEB' } })],
    ['recordConsentDenial', 'mutation($input: RecordConsentDenialInput!) { recordConsentDenial(input: $input) { status eventId } }', (id) => ({ input: { customerId: id, purposeCode: 'PROFILING', channel: 'WEB' } })],
  ];

  it.each(writes)('%s on another customer answers a self-service caller like a missing customer and writes nothing', async (_name, mutation, variables) => {
    const before = await ok('query($id: ID!) { customer(id: $id) { givenName interactions(first: 5) { totalCount } consents { status } } }', { id: bob });
    const [ofBob, ofMissing] = [await ask(mutation, variables(bob), self), await ask(mutation, variables(MISSING), self)];
    expect(ofBob.errors?.length).toBeGreaterThan(0);
    expect(body(ofBob).split(bob).join('<id>')).toBe(body(ofMissing).split(MISSING).join('<id>'));
    expect(await ok('query($id: ID!) { customer(id: $id) { givenName interactions(first: 5) { totalCount } consents { status } } }', { id: bob })).toEqual(before);
  });

  it('the ERP token (no personal reads) gets no personal value back from a write result', async () => {
    const r = await ask('mutation($id: ID!) { setOrderStatus(id: $id, status: REFUNDED) { id total customer { id givenName email birthDate } } }', { id: bobOrder }, erp);
    expect(r.data?.setOrderStatus?.id).toBe(bobOrder); // the write itself is the ERP's to make
    const sku = demoProducts(DEMO).find((p) => p.stockLevel >= 50)!.sku;
    const placed = await ask('mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id total customer { givenName birthDate orders(first: 5) { edges { node { total } } } } } }', { input: { customerId: bob, sourceSystem: 'erp', externalId: `mut-${randomUUID()}`, channel: 'STORE', currency: 'EUR', lines: [{ sku, quantity: 1, unitPrice: 1.5 }] } }, erp);
    expect(placed.data?.recordOrder?.id).toBeDefined();
    const text = body(r) + body(placed);
    for (const value of ['Bobbin', '1970-03-04', '4321.09']) expect(text).not.toContain(value);
  });
});
