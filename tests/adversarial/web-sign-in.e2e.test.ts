import { createHash, randomBytes } from 'node:crypto';
import { storageLabel } from '@c360/shared/testing';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/test-identity-provider';
import { freePort } from '../support/production-platform';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';
import { oidcClients } from '../web/oidc-sign-in.scenarios';

/**
 * The privacy centre's and console's HTTP surface as an outsider meets it: every sign-in refusal for a subject
 * that is not (or no longer) a customer of its own is the same bytes, a merged subject never signs in as the
 * survivor, and no route reflects what was sent (path, query, body) or redirects elsewhere.
 */
const CANARY = 'zq-web-canary-5d1';
/** Letters only: the import route's kind segment matches [a-z-]+, so this one reaches its kind lookup. */
const KIND_CANARY = 'zqwebcanarykind';
const MERGE_SCOPES = 'customers:read customers.pii:read customers:write customers:merge consent:read';
const ADMIN_SCOPES = 'customers:read customers.pii:read consent:read privacy:admin';

describe(`web sign-in and pages against an outsider, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let idp: TestIdentityProvider;
  let origin: string;
  const ids: Record<string, string> = {};
  let mergeId: string;
  let mergerHeaders: Record<string, string>;

  const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, { id: string; state?: string; status?: string }>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  /** The privacy centre's exchange for a fresh attempt of `sub`: status and body. */
  const signIn = async (sub: string) => {
    const nonceVerifier = randomBytes(32).toString('base64url');
    const nonce = createHash('sha256').update(nonceVerifier).digest('base64url');
    const response = await fetch(`${origin}/sign-in/oidc/privacy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idToken: idp.idToken('privacy-centre', { sub }, { nonce }), nonceVerifier }) });
    return { status: response.status, body: (await response.json()) as { token?: string; error?: { code: string; message: string } } };
  };
  const create = async (sub: string) =>
    (await gql('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName: 'Webb', familyName: sub, email: `${sub}@web-probe.example`, acquisitionChannel: 'WEB', externalIds: [{ system: 'oidc', id: sub }] } }))
      .createCustomer.id;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    idp = await startTestIdentityProvider();
    platform = await startTestPlatform({ demo: { seed: 22, customers: 0 }, gatewayPort: port, web: oidcClients(idp, origin) });
    for (const sub of ['idp-survivor', 'idp-retired', 'idp-erased', 'idp-live']) ids[sub] = await create(sub);
    const merger = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'merge-desk', scope: MERGE_SCOPES });
    const merge = (await gql('mutation($m: ID!, $s: ID!) { mergeCustomers(mergedId: $m, survivorId: $s) { id state } }', { m: ids['idp-retired'], s: ids['idp-survivor'] }, merger)).mergeCustomers;
    expect(merge.state).toBe('MERGED');
    mergeId = merge.id;
    mergerHeaders = merger;
    const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: ADMIN_SCOPES });
    const request = (await gql('mutation($id: ID!) { requestErasure(customerId: $id) { id } }', { id: ids['idp-erased'] }, admin)).requestErasure.id;
    for (let i = 0; i < 100; i++) {
      const state = (await gql('query($id: ID!) { dataSubjectRequest(id: $id) { status } }', { id: request }, admin)).dataSubjectRequest.status;
      if (state === 'DONE') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 180_000);
  afterAll(async () => {
    await platform?.close();
    await idp?.close();
  });

  it('signs a linked customer in as themself (the exchange works)', async () => {
    const answer = await signIn('idp-live');
    expect(answer.status).toBe(200);
    expect(JSON.parse(Buffer.from(answer.body.token!.split('.')[1], 'base64url').toString()).customer_id).toBe(ids['idp-live']);
  });

  /**
   * A merge moves the retired profile's external ids to the survivor, and for feeds they resolve there. A sign-in
   * subject must not: the retired person's OIDC subject would sign in AS THE SURVIVOR (a wrong merge would hand
   * them another person's profile, its export and its erasure). The sign-in asks for the subject's own link
   * (customerByExternalId followMerges: false); the survivor's own subject still signs in.
   */
  it('a subject whose profile was merged away, an erased one and an unlinked one get the same refusal, never a token', async () => {
    const [retired, erased, unlinked] = [await signIn('idp-retired'), await signIn('idp-erased'), await signIn(`idp-nobody-${randomBytes(4).toString('hex')}`)];
    expect(retired).toEqual(unlinked);
    expect(erased).toEqual(unlinked);
    expect(unlinked.status).toBe(403);
  });

  it("after a merge the survivor's own subject still signs in as the survivor", async () => {
    const answer = await signIn('idp-survivor');
    expect(answer.status).toBe(200);
    expect(JSON.parse(Buffer.from(answer.body.token!.split('.')[1], 'base64url').toString()).customer_id).toBe(ids['idp-survivor']);
  });

  it('only internal callers may ask whether an external id came with a merge (followMerges: false)', async () => {
    const query = 'query($id: String!) { customerByExternalId(system: "oidc", id: $id, followMerges: false) { id } }';
    const partner = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-city-bank', scope: 'customers:read customers.pii:read' });
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...partner }, body: JSON.stringify({ query, variables: { id: 'idp-retired' } }) });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    // Staff see the difference the flag makes: followed, the moved subject finds the survivor; not followed, nobody.
    expect((await gql('query($id: String!) { customerByExternalId(system: "oidc", id: $id) { id } }', { id: 'idp-retired' })).customerByExternalId?.id).toBe(ids['idp-survivor']);
    expect((await gql(query, { id: 'idp-retired' })).customerByExternalId).toBeNull();
  });

  it('after an unmerge the retired subject signs in as its own profile again', async () => {
    expect((await gql('mutation($id: ID!) { unmergeCustomers(mergeId: $id) { state } }', { id: mergeId }, mergerHeaders)).unmergeCustomers.state).toBe('UNMERGED');
    for (const sub of ['idp-retired', 'idp-survivor']) {
      const answer = await signIn(sub);
      expect({ sub, status: answer.status }).toEqual({ sub, status: 200 });
      expect(JSON.parse(Buffer.from(answer.body.token!.split('.')[1], 'base64url').toString()).customer_id).toBe(ids[sub]);
    }
  });

  it('an erased subject and an unlinked one get the same refusal, never a token', async () => {
    const [erased, unlinked] = [await signIn('idp-erased'), await signIn(`idp-nobody-${randomBytes(4).toString('hex')}`)];
    expect(erased).toEqual(unlinked);
    expect(unlinked).toEqual({ status: 403, body: { error: { code: 'NOT_LINKED', message: expect.any(String) } } });
  });

  it('no web route reflects a path, query or body it was sent, redirects elsewhere, sets a cookie or lets another origin read it', async () => {
    const paths = ['/privacy', '/console', '/web', '/web/assets', '/web/config.json', '/dev/sign-in', '/dev/sign-in/customers', '/dev/sign-in/token', '/sign-in/oidc/privacy', '/sign-in/oidc/console', `/import/${KIND_CANARY}`, `/import/orders/jobs`];
    const suffixes = [`/${CANARY}`, `?next=https://evil.example/${CANARY}`, `/%2e%2e/${CANARY}`, `//evil.example/${CANARY}`, `?redirect_uri=https%3A%2F%2Fevil.example%2F${CANARY}&state=${CANARY}`];
    const bodies = [`{"idToken":"${CANARY}.${CANARY}.${CANARY}","nonceVerifier":"${CANARY}"}`, `{"kind":"CUSTOMER","customerId":"${CANARY}"}`, `{"kind":"STAFF","role":"${CANARY}","purpose":"${CANARY}"}`, `${CANARY}<script>`, `{"idToken":"<script>${CANARY}"}`];
    const problems: string[] = [];
    const check = async (method: string, url: string, body?: string, contentType = 'application/json') => {
      const response = await fetch(url, { method, redirect: 'manual', headers: { origin: 'https://evil.example', 'content-type': contentType }, body });
      const text = await response.text();
      const where = `${method} ${url.slice(origin.length)} ${body?.slice(0, 40) ?? ''} -> ${response.status}`;
      if (text.includes(CANARY) || text.includes(KIND_CANARY) || [...response.headers.values()].some((v) => v.includes(CANARY))) problems.push(`${where}: echoes input: ${text.slice(0, 160)}`);
      if (response.status >= 300 && response.status < 400) problems.push(`${where}: redirects to ${response.headers.get('location')}`);
      if (response.headers.get('set-cookie')) problems.push(`${where}: sets a cookie`);
      if (response.headers.get('access-control-allow-origin')) problems.push(`${where}: readable from another origin`);
      if (response.status >= 500 && response.status !== 503) problems.push(`${where}: server error ${text.slice(0, 160)}`);
    };
    for (const path of paths) {
      for (const suffix of ['', ...suffixes]) await check('GET', `${origin}${path}${suffix}`);
      for (const body of bodies) for (const type of ['application/json', 'text/plain']) await check('POST', `${origin}${path}`, body, type);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
