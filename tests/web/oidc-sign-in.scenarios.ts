import { createHash, randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestIdentityProvider, TestUser } from '../support/test-identity-provider';
import type { TestPlatform } from '../support/test-platform';

export interface OidcFixture {
  origin: string;
  idp: TestIdentityProvider;
  platform: TestPlatform;
  browser: Browser;
  /** Screenshot and axe check of the page as it is now. */
  check(page: Page, name: string): Promise<void>;
}

/** The gateway's OIDC clients for a provider, as the browser suite configures them (redirects back to the apps). */
export function oidcClients(idp: TestIdentityProvider, origin: string) {
  const client = (clientId: string, path: string) => ({ issuer: idp.issuer, clientId, redirectUri: `${origin}${path}`, scope: 'openid' });
  idp.register({ clientId: 'privacy-centre', redirectUri: `${origin}/privacy` });
  idp.register({ clientId: 'console', redirectUri: `${origin}/console` });
  return {
    oidc: { ...client('privacy-centre', '/privacy'), subjectSystem: 'oidc' },
    consoleOidc: {
      ...client('console', '/console'),
      roleClaim: 'roles',
      roles: [
        { idpRole: 'crm-dpo', role: 'PRIVACY_OFFICER' as const, purpose: 'SERVICE' },
        { idpRole: 'crm-marketing', role: 'AGENT' as const, purpose: 'MARKETING' },
      ],
    },
  };
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * Issue 16, production sign-in: the privacy centre (customers) and the console (staff) run the
 * authorization-code + PKCE flow in Chromium against a real OpenID provider on loopback; the gateway
 * verifies the ID token, maps its subject (or role) to a caller and mints the access token.
 * Registered inside the browser suite so both share one platform and one Chromium.
 */
export function oidcSignInScenarios(fixture: () => OidcFixture): void {
  let origin: string;
  let idp: TestIdentityProvider;
  let grace: string;
  const grace_: TestUser = { sub: 'idp-grace' };
  const check = (page: Page, name: string) => fixture().check(page, name);

  beforeAll(async () => {
    ({ origin, idp } = fixture());
    const { platform } = fixture();
    const input = { givenName: 'Grace', familyName: 'Provider', email: 'grace@example.com', acquisitionChannel: 'WEB', externalIds: [{ system: 'oidc', id: grace_.sub }] };
    const created = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...platform.internal },
      body: JSON.stringify({ query: 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', variables: { input } }),
    });
    grace = ((await created.json()) as { data: { createCustomer: { id: string } } }).data.createCustomer.id;
  });

  /** A fresh context; every answer of the gateway's token exchange is recorded. */
  const visit = async (path: string) => {
    const context: BrowserContext = await fixture().browser.newContext({ locale: 'en-GB' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const answers: Promise<{ status: number; body: Record<string, unknown> }>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/sign-in/oidc/')) answers.push(response.json().then((body: Record<string, unknown>) => ({ status: response.status(), body })));
    });
    await page.goto(`${origin}${path}`);
    return { context, page, exchanges: () => Promise.all(answers) };
  };
  const refusedWith = async (page: Page, code: string) => {
    await page.locator(`[role="alert"][data-sign-in-error="${code}"]`).waitFor();
    expect(page.url()).not.toContain('code=');
  };

  it('signs a customer in: code + PKCE at the provider, the gateway maps the subject to the linked customer', async () => {
    const { context, page, exchanges } = await visit('/privacy');
    idp.signInNext(grace_);
    await page.getByRole('button', { name: 'Sign in with your account' }).click();
    await page.locator('article[data-purpose="MARKETING"]').waitFor();
    const [exchange] = await exchanges();
    expect(claimsOf(exchange.body.token as string)).toMatchObject({ kind: 'CUSTOMER', customer_id: grace, client_id: 'privacy-centre' });
    // The code and state left the address bar; nothing stays in storage once signed in.
    expect(page.url()).toBe(`${origin}/privacy`);
    expect(await page.evaluate('localStorage.length + sessionStorage.length + document.cookie.length')).toBe(0);
    await check(page, 'privacy-oidc-signed-in');
    await context.close();
  });

  it('refuses an account linked to no customer (NOT_LINKED): no token', async () => {
    const { context, page, exchanges } = await visit('/privacy');
    idp.signInNext({ sub: 'idp-stranger' });
    await page.getByRole('button', { name: 'Sign in with your account' }).click();
    await refusedWith(page, 'NOT_LINKED');
    expect(await exchanges()).toEqual([{ status: 403, body: { error: { code: 'NOT_LINKED', message: expect.any(String) } } }]);
    await check(page, 'privacy-oidc-not-linked');
    await context.close();
  });

  it('refuses an answer carrying another state: the code is never exchanged', async () => {
    const { context, page, exchanges } = await visit('/privacy');
    idp.signInNext(grace_);
    idp.misbehave({ state: 'forged-state' });
    await page.getByRole('button', { name: 'Sign in with your account' }).click();
    await refusedWith(page, 'STATE_MISMATCH');
    expect(await exchanges()).toEqual([]);
    await context.close();
  });

  it('a token request without the PKCE verifier is refused by the provider: no token', async () => {
    const { context, page, exchanges } = await visit('/privacy');
    const refusals = idp.refusals.length;
    // Whoever holds the code without the verifier (here: the request stripped of it) gets nothing.
    await page.route(`${idp.issuer}/token`, (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      form.delete('code_verifier');
      return route.continue({ postData: form.toString() });
    });
    idp.signInNext(grace_);
    await page.getByRole('button', { name: 'Sign in with your account' }).click();
    await refusedWith(page, 'PROVIDER_REFUSED');
    expect(idp.refusals.slice(refusals)).toEqual(['invalid_grant']);
    expect(await exchanges()).toEqual([]);
    await context.close();
  });

  it('an ID token signed with a key outside the provider’s JWKS is refused by the gateway', async () => {
    const { context, page, exchanges } = await visit('/privacy');
    idp.signInNext(grace_);
    idp.misbehave({ foreignKey: true });
    await page.getByRole('button', { name: 'Sign in with your account' }).click();
    await refusedWith(page, 'ID_TOKEN_INVALID');
    expect(await exchanges()).toEqual([{ status: 401, body: { error: { code: 'ID_TOKEN_INVALID', message: expect.stringContaining('signature') } } }]);
    await check(page, 'privacy-oidc-refused');
    await context.close();
  });

  it('an ID token for another audience is refused in the browser before any exchange', async () => {
    const { context, page, exchanges } = await visit('/privacy');
    idp.signInNext(grace_);
    idp.misbehave({ audience: 'someone-else' });
    await page.getByRole('button', { name: 'Sign in with your account' }).click();
    await refusedWith(page, 'ID_TOKEN_INVALID');
    expect(await exchanges()).toEqual([]);
    await context.close();
  });

  it('the gateway itself refuses a forged, mis-addressed, expired or replayed ID token, minting nothing', async () => {
    // Each exchange presents the verifier of the sign-in attempt whose hash is the token's nonce (as the apps do).
    const nonceVerifier = randomBytes(32).toString('base64url');
    const nonce = createHash('sha256').update(nonceVerifier).digest('base64url');
    const exchange = async (idToken: string) => {
      const response = await fetch(`${origin}/sign-in/oidc/privacy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idToken, nonceVerifier }) });
      return { status: response.status, body: (await response.json()) as { token?: string; error?: { code: string; message: string } } };
    };
    const idToken = idp.idToken('privacy-centre', grace_, { nonce });
    const valid = await exchange(idToken);
    expect(valid.status).toBe(200);
    expect(claimsOf(valid.body.token!)).toMatchObject({ customer_id: grace });
    const refused = {
      signature: await exchange(idp.idToken('privacy-centre', grace_, { foreignKey: true, nonce })),
      audience: await exchange(idp.idToken('privacy-centre', grace_, { audience: 'console', nonce })),
      expired: await exchange(idp.idToken('privacy-centre', grace_, { expiresIn: -120, nonce })),
      malformed: await exchange('not-a-jwt'),
      replayed: await exchange(idToken),
    };
    expect(Object.fromEntries(Object.entries(refused).map(([k, r]) => [k, [r.status, r.body.error?.code, 'token' in r.body]]))).toEqual({
      signature: [401, 'ID_TOKEN_INVALID', false],
      audience: [401, 'ID_TOKEN_INVALID', false],
      expired: [401, 'ID_TOKEN_EXPIRED', false],
      malformed: [400, 'BAD_REQUEST', false],
      replayed: [401, 'ID_TOKEN_REPLAYED', false],
    });
    expect(refused.audience.body.error?.message).toContain('"aud"');
    // A staff ID token is not a customer's: the console's audience is refused at the privacy exchange and vice versa.
    expect((await exchange(idp.idToken('console', { sub: 'staff', claims: { roles: ['crm-dpo'] } }, { nonce }))).body.error?.code).toBe('ID_TOKEN_INVALID');
  });

  const staffSignIn = async (user: TestUser) => {
    const visited = await visit('/console');
    idp.signInNext(user);
    await visited.page.locator('section[aria-labelledby="staff-oidc"] button').click();
    return visited;
  };
  const openGrace = async (page: Page) => {
    await page.locator('#search-text').waitFor();
    await page.click('form button[type="submit"]');
    // Grace joined after the suite's customers: page on until her row shows.
    for (let pageNo = 1; (await page.locator(`button[data-open-customer="${grace}"]`).count()) === 0; pageNo++) {
      await page.locator(`[role="status"][data-page="${pageNo}"]`).waitFor();
      if ((await page.locator(`button[data-open-customer="${grace}"]`).count()) > 0) break;
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.locator(`[role="status"][data-page="${pageNo + 1}"]`).waitFor();
    }
    await page.click(`button[data-open-customer="${grace}"]`);
    await page.locator('#profile').waitFor();
  };

  it('signs staff in with the provider: the role claim gives the role and purpose; a privacy officer reads disclosures', async () => {
    const officer = await staffSignIn({ sub: 'staff-dpo', claims: { roles: ['crm-dpo'] } });
    await openGrace(officer.page);
    expect(claimsOf((await officer.exchanges())[0].body.token as string)).toMatchObject({
      kind: 'INTERNAL_APP',
      purpose: 'SERVICE',
      scope: expect.stringContaining('privacy:admin'),
      sub: 'staff-dpo',
    });
    await officer.page.locator('section[aria-labelledby="disclosures"] [data-disclosures]').waitFor();
    expect(await officer.page.locator('[data-disclosures-refused]').count()).toBe(0);
    // SERVICE needs no consent: the officer sees the email.
    expect(await officer.page.locator('dd[data-field="Email"]').textContent()).toContain('grace@example.com');
    await check(officer.page, 'console-oidc-privacy-officer');
    await officer.context.close();

    const marketer = await staffSignIn({ sub: 'staff-mkt', claims: { roles: ['crm-marketing', 'unrelated'] } });
    await openGrace(marketer.page);
    await marketer.page.locator('[data-disclosures-refused="FORBIDDEN"]').waitFor();
    expect(claimsOf((await marketer.exchanges())[0].body.token as string)).toMatchObject({ purpose: 'MARKETING', scope: expect.not.stringContaining('privacy:admin') });
    expect(await marketer.page.locator('dd[data-field="Email"] [data-withheld]').count()).toBe(1);
    await marketer.context.close();
  });

  it('refuses staff whose provider roles map to no console role (NO_STAFF_ROLE): no token', async () => {
    const { context, page, exchanges } = await staffSignIn({ sub: 'staff-none', claims: { roles: ['crm-readonly'] } });
    await refusedWith(page, 'NO_STAFF_ROLE');
    expect(await exchanges()).toEqual([{ status: 403, body: { error: { code: 'NO_STAFF_ROLE', message: expect.any(String) } } }]);
    await check(page, 'console-oidc-no-role');
    await context.close();
  });
}
