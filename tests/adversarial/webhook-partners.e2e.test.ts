import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { storageLabel } from '@c360/shared/testing';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';
import { createHiddenCustomer, HIDDEN_PARTNER, type HiddenCustomer } from './hidden-customer';
import { mutationProbes } from './mutation-probes';
import { probeOperation } from './probe-operations';

/**
 * Webhooks as another partner meets them: every webhook root field and mutation (read from the schema) answers
 * another partner's subscription or delivery like one nobody holds; a refused subscription quotes nothing it was
 * sent and creates nothing; and a partner subscribed to EVERY event type of the catalogue (read from
 * schema/events) receives nothing about a customer who shares only with another partner, whatever happens to them.
 */
const DEMO = { seed: 24, customers: 4 };
const ATTACKER = 'partner-nordic-travel';
const CANARY = 'zq-hook-canary-9c2';
const ABSENT_ID = 'a0a0a0a0-0000-4000-8000-00000000a0b1';
const MERGE_SCOPES = 'customers:read customers.pii:read customers:write customers:merge orders:read offers:read consent:read consent:write';
const schemaFile = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'schema', name), 'utf8');
const EVENT_TYPES = readdirSync(join(__dirname, '..', '..', '..', 'schema', 'events'))
  .map((f) => /^(.+)\.v\d+\.json$/.exec(f)?.[1])
  .filter((t): t is string => t !== undefined && t !== 'envelope');

async function startReceiver() {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe(`webhooks against another partner, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let schema: GraphQLSchema;
  let hidden: HiddenCustomer;
  let owner: Record<string, string>;
  let attacker: Record<string, string>;
  let ownerSubscription: string;
  let internalSubscription: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let attackerReceiver: Awaited<ReturnType<typeof startReceiver>>;
  const env = { ...process.env };

  const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, text: await response.text() };
  };
  const ok = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) => {
    const r = await gql(query, variables, headers);
    const body = JSON.parse(r.text) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`setup failed: ${r.text.slice(0, 300)}`);
    return body.data;
  };
  /** Every outbox relayed and every due delivery sent, round after round until a round moves nothing (one event per customer per batch). */
  const drain = async () => {
    for (let round = 0; round < 200; round++) {
      let moved = 0;
      for (const subgraph of platform.subgraphs) moved += await subgraph.events.runOnce();
      moved += await platform.subgraphs.find((s) => s.name === 'consent')!.workers.webhookDeliveries.runOnce();
      if (moved === 0) return;
    }
  };
  const webhookFields = () => Object.values(schema.getQueryType()!.getFields()).filter((f) => /webhook/i.test(f.name));

  beforeAll(async () => {
    Object.assign(process.env, { WEBHOOK_POLL_MS: '0', WEBHOOK_RETRY_BASE_MS: '10', WEBHOOK_RETRY_MAX_MS: '10', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '3000' });
    schema = buildSchema(schemaFile('api.graphql'));
    receiver = await startReceiver();
    attackerReceiver = await startReceiver();
    platform = await startTestPlatform({ demo: DEMO, events: { natsStream: 'unused', natsSubjectPrefix: 'unused', pollMs: 0, batchSize: 100, retry: { baseMs: 10, maxMs: 10, maxAttempts: 3 } } });
    owner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: HIDDEN_PARTNER });
    attacker = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: ATTACKER });
    await drain();
    const created = await ok('mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }', { input: { url: receiver.url, eventTypes: ['customer.updated'] } }, owner);
    ownerSubscription = (created.createWebhookSubscription.subscription as { id: string }).id;
    const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read privacy:admin' });
    const internal = await ok('mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }', { input: { url: receiver.url, eventTypes: ['customer.created'] } }, admin);
    internalSubscription = (internal.createWebhookSubscription.subscription as { id: string }).id;
  }, 240_000);
  afterAll(async () => {
    await platform?.close();
    await receiver?.close();
    await attackerReceiver?.close();
    process.env = env;
  });

  it.each([
    ['another partner’s subscription', () => ownerSubscription],
    ['an internal (staff) subscription', () => internalSubscription],
  ])('every webhook field and mutation answers %s like an id nobody holds', async (_label, target) => {
    const subscription = target();
    const owned = (value: string) => ({ value, owned: { absent: ABSENT_ID } });
    const queries = webhookFields().map((f, i) => probeOperation(schema, [{ typeName: 'Query', fieldName: f.name }], ({ arg }) => (arg.name === 'id' ? owned(subscription) : undefined), i));
    const mutations = mutationProbes(schema, (name, _type, field) => (/webhook/i.test(field.name) && name === 'id' ? owned(subscription) : /webhook/i.test(field.name) && name === 'ids' ? { value: [subscription], owned: { absent: [ABSENT_ID] } } : undefined));
    expect(mutations.map((m) => m.path)).toEqual(expect.arrayContaining(['rotateWebhookSubscriptionSecret', 'disableWebhookSubscription', 'replayWebhookDeliveries']));
    const differences: string[] = [];
    for (const op of [...queries, ...mutations]) {
      if (!op.absentVariables) continue;
      const [real, missing] = [await gql(op.query, op.variables, attacker), await gql(op.query, op.absentVariables, attacker)];
      const [a, b] = [real.text.split(subscription).join('<id>'), missing.text.split(ABSENT_ID).join('<id>')];
      if (real.status !== missing.status || a !== b) differences.push(`${op.path}: ${a.slice(0, 200)} vs ${b.slice(0, 200)}`);
    }
    expect(differences).toEqual([]);
    // The attacker's listing holds nothing of the owner's subscription, which is still enabled.
    expect((await gql('{ webhookSubscriptions { id url partnerId } }', {}, attacker)).text).not.toContain(subscription);
    const mine = await ok('{ webhookSubscriptions { id disabledAt } }', {}, owner);
    expect(mine.webhookSubscriptions).toEqual([{ id: ownerSubscription, disabledAt: null }]);
  });

  it('a refused subscription is a typed error that quotes nothing it was sent, and creates nothing', async () => {
    const inputs = [
      { url: `ftp://${CANARY}.example/hook`, eventTypes: ['customer.updated'] },
      { url: `not a url ${CANARY}`, eventTypes: ['customer.updated'] },
      { url: receiver.url, eventTypes: [`${CANARY}.created`] },
      { url: receiver.url, eventTypes: [] },
      { url: `http://${CANARY}${'a'.repeat(5000)}.example/`, eventTypes: ['customer.updated'] },
      { url: receiver.url, eventTypes: Array.from({ length: 500 }, (_, i) => `${CANARY}.${i}`) },
    ];
    const problems: string[] = [];
    for (const input of inputs) {
      const answer = await gql('mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }', { input }, attacker);
      const code = (JSON.parse(answer.text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
      if (answer.text.includes(CANARY)) problems.push(`echoes: ${answer.text.slice(0, 200)}`);
      if (code !== 'BAD_USER_INPUT') problems.push(`not BAD_USER_INPUT (${code}): ${answer.text.slice(0, 200).split(CANARY).join('<canary>')}`);
    }
    expect(problems).toEqual([]);
    expect((await ok('{ webhookSubscriptions { id } }', {}, attacker)).webhookSubscriptions).toEqual([]);
  });

  /**
   * The attacker knew one profile (it shared with the attacker, which read it); that profile is then merged into the
   * hidden customer and unmerged, the hidden customer changes, the other partner is paused and resumed, and the
   * hidden customer is erased. The attacker may hear that its own grant ended (consent.withdrawn about the profile it
   * knew), never whom it was merged into, the merge, or anything about the hidden customer or the other partner.
   */
  it('a partner subscribed to every event type receives nothing about a customer who shares only with another partner, nor about a merge into them', async () => {
    await ok('mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }', { input: { url: attackerReceiver.url, eventTypes: EVENT_TYPES } }, attacker);
    hidden = await createHiddenCustomer(platform, DEMO);
    const known = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName: 'Quill', familyName: 'Known', acquisitionChannel: 'WEB' } })).createCustomer.id as string;
    await ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId: known, purposeCode: 'PARTNER_SHARING', partnerId: ATTACKER, channel: 'WEB' } });
    await ok('query($id: ID!) { customer(id: $id) { id displayName } }', { id: known }, attacker);
    await drain();
    // Everything that can happen to them after: a profile change, a consent decision about the attacker, a merge and its undo.
    await ok('mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }', { id: hidden.customerId, input: { givenName: 'Quillan', phone: '+4520917355' } });
    await ok('mutation($input: RecordConsentDenialInput!) { recordConsentDenial(input: $input) { eventId } }', { input: { customerId: hidden.customerId, purposeCode: 'PARTNER_SHARING', partnerId: ATTACKER, channel: 'WEB' } });
    // Delivered before the merge: the merge ends the survivor's grants the other profile did not also give.
    await drain();
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'merge-desk', scope: MERGE_SCOPES });
    const merge = (await ok('mutation($m: ID!, $s: ID!) { mergeCustomers(mergedId: $m, survivorId: $s) { id } }', { m: known, s: hidden.customerId }, staff)).mergeCustomers.id as string;
    await drain();
    await ok('mutation($id: ID!) { unmergeCustomers(mergeId: $id) { id } }', { id: merge }, staff);
    await drain();
    const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read customers.pii:read consent:read privacy:admin' });
    for (const active of [false, true]) await ok('mutation($id: ID!, $a: Boolean!) { setPartnerActive(id: $id, active: $a) { id } }', { id: HIDDEN_PARTNER, a: active }, admin);
    const request = (await ok('mutation($id: ID!) { requestErasure(customerId: $id) { id } }', { id: hidden.customerId }, admin)).requestErasure.id as string;
    for (let i = 0; i < 100 && (await ok('query($id: ID!) { dataSubjectRequest(id: $id) { status } }', { id: request }, admin)).dataSubjectRequest.status !== 'DONE'; i++) await new Promise((r) => setTimeout(r, 200));
    await drain();
    const values = [...hidden.known.map((k) => k.value), merge, HIDDEN_PARTNER, 'Quillan', '+4520917355'];
    const leaks = attackerReceiver.bodies.flatMap((body) => values.filter((v) => body.toLowerCase().includes(v.toLowerCase())).map((v) => `${v} in ${body.slice(0, 300)}`));
    expect(leaks).toEqual([]);
    // The detector can fail: the partner the customer shares with got the profile change, and the attacker got events about the profile it knew.
    expect(receiver.bodies.some((body) => body.includes(hidden.customerId) && body.includes('customer.updated'))).toBe(true);
    expect(attackerReceiver.bodies.some((body) => body.includes(known))).toBe(true);
  }, 240_000);
});
