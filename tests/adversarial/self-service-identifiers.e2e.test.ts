import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { storageLabel } from '@c360/shared/testing';
import { postGraphQL } from '../support/graphql-client';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';

const UPDATE = 'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id email externalIds { system id } } }';
const SYSTEM = 'loyalty';
const ADMIN_SCOPES = 'customers:read customers.pii:read consent:read privacy:admin';

/**
 * Unique identifiers are an oracle when a write fails on them: "this e-mail address is taken" tells a
 * self-service caller that somebody is a customer here, and "this external id was erased" that somebody
 * asked to be forgotten. A customer updating itself must get the same answer whoever holds (or held) the
 * address or id it sends, and that answer must not repeat what it sent.
 */
describe(`self-service writes of identifiers are no oracle on other customers, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let me: string;
  let myEmail: string;
  let self: Record<string, string>;
  const held = { email: `held-${randomUUID()}@probe.example`, externalId: `L-held-${randomUUID()}` };
  const erased = { email: `erased-${randomUUID()}@probe.example`, externalId: `L-erased-${randomUUID()}` };

  type Answer = Awaited<ReturnType<typeof postGraphQL<Record<string, any>, Record<string, unknown>>>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ask = (source: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal): Promise<Answer> =>
    postGraphQL<Record<string, any>, Record<string, unknown>>(platform.gatewayUrl, parse(source), variables, headers); // eslint-disable-line @typescript-eslint/no-explicit-any
  const ok = async (source: string, variables: Record<string, unknown>, headers?: Record<string, string>) => {
    const r = await ask(source, variables, headers);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const create = async (givenName: string, email: string, externalId: string) =>
    (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName, email, acquisitionChannel: 'WEB', externalIds: [{ system: SYSTEM, id: externalId }] } })).createCustomer.id as string;
  /** What the caller can compare: the whole answer, with what it sent blanked out. */
  const comparable = (r: Answer, sent: string[]) => sent.reduce((text, value) => text.split(value).join('<sent>'), JSON.stringify({ data: r.data ?? null, errors: r.errors ?? null }));

  beforeAll(async () => {
    platform = await startTestPlatform();
    myEmail = `me-${randomUUID()}@probe.example`;
    me = await create('Selma', myEmail, `L-me-${randomUUID()}`);
    await create('Holder', held.email, held.externalId);
    const gone = await create('Gone', erased.email, erased.externalId);
    const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: ADMIN_SCOPES });
    const request = (await ok('mutation($id: ID!) { requestErasure(customerId: $id) { id } }', { id: gone }, admin)).requestErasure.id as string;
    let status = '';
    for (let i = 0; i < 150 && status !== 'DONE'; i++) {
      status = (await ok('query($id: ID!) { dataSubjectRequest(id: $id) { status } }', { id: request }, admin)).dataSubjectRequest.status as string;
      if (status !== 'DONE') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe('DONE'); // the erased person's address and id are free again, but their id is tombstoned
    self = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: me });
  }, 600_000);
  afterAll(() => platform?.close());

  it('answers an e-mail address another customer holds exactly like a free one, and changes nothing', async () => {
    const free = `free-${randomUUID()}@probe.example`;
    const answers = await Promise.all([held.email, erased.email, free, held.email.toUpperCase()].map(async (email) => comparable(await ask(UPDATE, { id: me, input: { email } }, self), [email])));
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('FORBIDDEN');
    expect(answers[0]).toContain('SELF_SERVICE_IDENTIFIER');
    expect((await ok('query($id: ID!) { customer(id: $id) { email } }', { id: me })).customer.email).toBe(myEmail);
  });

  it('answers an external id another customer holds, or an erased one held, exactly like a free one', async () => {
    const free = `L-free-${randomUUID()}`;
    const answers = await Promise.all(
      [held.externalId, erased.externalId, free].map(async (id) => comparable(await ask(UPDATE, { id: me, input: { addExternalIds: [{ system: SYSTEM, id }] } }, self), [id])),
    );
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('SELF_SERVICE_IDENTIFIER');
    const mine = (await ok('query($id: ID!) { customer(id: $id) { externalIds { id } } }', { id: me })).customer.externalIds.map((e: { id: string }) => e.id);
    expect(mine).not.toContain(free);
  });

  it('still lets a customer send its own address back (any case), remove it, and change other fields', async () => {
    const same = await ask(UPDATE, { id: me, input: { email: myEmail.toUpperCase(), locale: 'fr-FR' } }, self);
    expect(same.errors).toBeUndefined();
    expect(same.data?.updateCustomer.email).toBe(myEmail);
    const removed = await ask(UPDATE, { id: me, input: { email: null } }, self);
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.updateCustomer.email).toBeNull();
  });

  it('staff still learn that an address is taken, without the address repeated', async () => {
    const r = await ask(UPDATE, { id: me, input: { email: held.email } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    const takenId = await ask(UPDATE, { id: me, input: { addExternalIds: [{ system: SYSTEM, id: held.externalId }] } });
    expect(takenId.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXTERNAL_ID_TAKEN', argument: 'addExternalIds' });
    expect(JSON.stringify(r) + JSON.stringify(takenId)).not.toMatch(new RegExp(`${held.email}|${held.externalId}`, 'i'));
  });
});
