import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { noNoise, storageLabel } from '@c360/shared/testing';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/test-identity-provider';
import { freePort } from '../support/production-platform';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';
import { accessibilityViolations, CHROMIUM, ensureWebBuilt, launchChromium, screenshot } from './browser-support';
import { oidcClients, oidcSignInScenarios } from './oidc-sign-in.scenarios';

const chromiumMissing = !existsSync(CHROMIUM);
const suite = chromiumMissing ? describe.skip : describe;
if (chromiumMissing) console.warn(`Browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

/**
 * Issue 16 in a real browser: the privacy centre and the console served by the gateway of a test
 * platform, signed in through the development sign-in (test-issuer tokens), driven by Chromium.
 */
suite(`the privacy centre and the console in Chromium on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let idp: TestIdentityProvider;
  let browser: Browser;
  let origin: string;
  let ada: string;
  let campaignId: string;
  const customers: string[] = [];
  const violations: Record<string, string[]> = {};

  const gql = async <T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal): Promise<T> => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  beforeAll(async () => {
    ensureWebBuilt();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    idp = await startTestIdentityProvider();
    platform = await startTestPlatform({ demo: { seed: 16, customers: 0 }, aggregateNoise: noNoise, gatewayPort: port, web: oidcClients(idp, origin) });
    for (let i = 0; i < 12; i++) {
      const input = { givenName: i === 0 ? 'Ada' : `Web${i}`, familyName: 'Browser', email: `web${i}@example.com`, acquisitionChannel: 'WEB' };
      customers.push((await gql<{ createCustomer: { id: string } }>('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input })).createCustomer.id);
    }
    ada = customers[0];
    campaignId = (
      await gql<{ createCampaign: { id: string } }>('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', {
        input: { name: 'Spring web', startsAt: '2025-09-01T00:00:00Z', status: 'ACTIVE' },
      })
    ).createCampaign.id;
    const offer = {
      campaignId,
      name: 'spring',
      headline: 'Spring',
      benefitType: 'PERCENT_DISCOUNT',
      benefitValue: 10,
      channel: 'EMAIL',
      personalisationType: 'COSMETIC',
      status: 'ACTIVE',
      priority: 1,
      validFrom: '2025-09-01T00:00:00.000Z',
      validUntil: '2099-12-31T00:00:00.000Z',
    };
    const offerId = (await gql<{ createOffer: { id: string } }>('mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }', { input: offer })).createOffer.id;
    const inputs = customers.flatMap((customerId, i) =>
      ['SHOWN', 'CLICKED', 'ACCEPTED'].slice(0, i < 5 ? 3 : i < 9 ? 2 : 1).map((type) => ({ eventId: `web-${type}-${customerId}`, offerId, customerId, type, channel: 'EMAIL' })),
    );
    await gql('mutation($inputs: [RecordOfferResponseInput!]!) { recordOfferResponses(inputs: $inputs) { id } }', { inputs });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    await idp?.close();
  });

  /** A fresh browser context per visit: nothing carries over but what the server keeps. */
  const visit = async (path: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${origin}${path}`);
    return { context, page };
  };
  const check = async (page: Page, name: string) => {
    await screenshot(page, name);
    violations[name] = await accessibilityViolations(page);
  };

  const signInCustomer = async (page: Page, customerId: string) => {
    await page.click(`button[data-customer-id="${customerId}"]`);
    await page.waitForSelector('article[data-purpose="MARKETING"]');
  };
  const consoleEmailOf = async (customerId: string, screenshotName?: string) => {
    const { context, page } = await visit('/console');
    await page.selectOption('#staff-purpose', 'MARKETING');
    await page.click('section[aria-labelledby="dev"] button');
    // No search text: a withheld name is not searchable either (no oracle through the filter).
    await page.click('form button[type="submit"]');
    await page.click(`button[data-open-customer="${customerId}"]`);
    await page.waitForSelector('#profile');
    const cell = page.locator('dd[data-field="Email"]');
    const text = (await cell.textContent()) ?? '';
    const lock = cell.locator('[data-withheld]');
    const reason = (await lock.count()) > 0 ? await lock.getAttribute('data-withheld') : null;
    if (screenshotName) await check(page, screenshotName);
    await context.close();
    return { text, reason };
  };

  it('serves the pages with a strict Content-Security-Policy and no inline script', async () => {
    for (const path of ['/privacy', '/console']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
    expect((await fetch(`${origin}/web/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('a grant in the privacy centre unlocks the field in the console; a withdrawal locks it again', async () => {
    const before = await consoleEmailOf(ada, 'console-customer-locked');
    expect(before.reason).toBeTruthy();
    expect(before.text).not.toContain('web0@example.com');

    const { context, page } = await visit('/privacy');
    await check(page, 'privacy-sign-in');
    await signInCustomer(page, ada);
    const marketing = page.locator('article[data-purpose="MARKETING"]');
    await marketing.getByRole('button', { name: 'Allow', exact: true }).click();
    await marketing.locator('.status.GRANTED').waitFor();
    await check(page, 'privacy-centre');
    expect((await consoleEmailOf(ada, 'console-customer-allowed')).text).toContain('web0@example.com');

    // Nothing about the customer in the address, the storage or the cookies.
    expect(page.url()).toBe(`${origin}/privacy`);
    expect(await page.evaluate('localStorage.length + sessionStorage.length + document.cookie.length')).toBe(0);
    await marketing.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await marketing.locator('.status.WITHDRAWN').waitFor();
    const after = await consoleEmailOf(ada);
    expect(after.reason).toBe('CONSENT_WITHDRAWN');
    expect(after.text).not.toContain('web0@example.com');
    await context.close();
  });

  it('downloads a consent receipt equal to the one the API serves, and the ledger verifies', async () => {
    const { context, page } = await visit('/privacy');
    await signInCustomer(page, ada);
    const first = page.locator('button[data-receipt]').first();
    const eventId = (await first.getAttribute('data-receipt'))!;
    const [download] = await Promise.all([page.waitForEvent('download'), first.click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    const self = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: ada });
    const served = await gql<{ consentReceipt: Record<string, unknown> }>('query($id: ID!) { consentReceipt(eventId: $id) }', { id: eventId }, self);
    expect(saved).toEqual(served.consentReceipt);
    await page.click('section[aria-labelledby="history"] > button');
    await page.getByRole('status').filter({ hasText: 'chain intact' }).waitFor();
    await page.selectOption('header select', 'ko');
    await page.getByRole('heading', { name: '개인정보 이용 목적' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await check(page, 'privacy-centre-ko');
    await context.close();
  });

  it('renders the campaign funnel with the campaign’s numbers', async () => {
    const { context, page } = await visit('/console');
    await page.click('section[aria-labelledby="dev"] button');
    await page.getByRole('button', { name: 'Campaigns' }).click();
    await page.click(`button[data-open-campaign="${campaignId}"]`);
    const canvas = page.locator('canvas[data-funnel]');
    await canvas.waitFor();
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'MARKETING' });
    const figures = await gql<{ campaign: { performance: Record<string, { customers: number }> | null } }>(
      'query($id: ID!) { campaign(id: $id) { performance { shown { customers } clicked { customers } accepted { customers } redeemed { customers } } } }',
      { id: campaignId },
      staff,
    );
    const expected = ['shown', 'clicked', 'accepted', 'redeemed'].map((s) => figures.campaign.performance![s].customers);
    expect(expected[0]).toBe(12);
    expect(await canvas.getAttribute('data-funnel')).toBe(expected.join(','));
    // Chart.js drew on the canvas: it is not blank.
    const inked = await page.evaluate(
      '(() => { const c = document.querySelector("canvas[data-funnel]"); return c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0); })()',
    );
    expect(inked).toBe(true);
    await check(page, 'console-campaign');
    await page.getByRole('button', { name: 'Segments' }).click();
    await page.locator('#segments').waitFor();
    await check(page, 'console-segments');
    await context.close();
  });

  it('an erasure request, confirmed, completes; the customer can no longer sign in', async () => {
    const victim = customers[1];
    const { context, page } = await visit('/privacy');
    await signInCustomer(page, victim);
    // A copy of everything held, downloadable once DONE.
    await page.getByRole('button', { name: 'Request a copy' }).click();
    await page.locator('tr[data-request-kind="ACCESS"][data-request-status="DONE"]').waitFor({ timeout: 30_000 });
    const [copy] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download-access]')]);
    expect(readFileSync((await copy.path())!, 'utf8')).toContain('web1@example.com');
    const erase = page.getByRole('button', { name: 'Delete my data' });
    expect(await erase.isDisabled()).toBe(true);
    await page.fill('#erasure-confirm', 'DELETE');
    await erase.click();
    // Done: the customer is gone, so the centre falls back to the sign-in page.
    await page.getByRole('heading', { name: 'Development sign-in' }).waitFor({ timeout: 30_000 });
    const refused = await page.request.post(`${origin}/dev/sign-in/token`, { data: { kind: 'CUSTOMER', customerId: victim } });
    expect(refused.status()).toBe(401);
    await context.close();
  }, 60_000);

  it('mints a dev staff token for the chosen role; only a privacy officer reads disclosures; an unknown purpose is refused with a typed error', async () => {
    const openAda = async (role: string, purpose: string) => {
      const visited = await visit('/console');
      await visited.page.selectOption('#staff-role', role);
      await visited.page.selectOption('#staff-purpose', purpose);
      await visited.page.click('section[aria-labelledby="dev"] button');
      await visited.page.click('form button[type="submit"]');
      await visited.page.click(`button[data-open-customer="${ada}"]`);
      await visited.page.locator('#profile').waitFor();
      return visited;
    };
    const officer = await openAda('PRIVACY_OFFICER', 'SERVICE');
    await officer.page.locator('section[aria-labelledby="disclosures"] [data-disclosures]').waitFor();
    expect(await officer.page.locator('[data-disclosures-refused]').count()).toBe(0);
    await check(officer.page, 'console-privacy-officer');
    await officer.context.close();
    const agent = await openAda('AGENT', 'SERVICE');
    await agent.page.locator('[data-disclosures-refused="FORBIDDEN"]').waitFor();
    await agent.context.close();

    const refused = await fetch(`${origin}/dev/sign-in/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'STAFF', role: 'AGENT', purpose: 'TELEMARKETING' }),
    });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { token?: string; error: { code: string; message: string } };
    expect(body.error.code).toBe('UNKNOWN_PURPOSE');
    expect(body.token).toBeUndefined();
    expect(body.error.message).not.toContain('TELEMARKETING');
  });

  it('pages the customer search forwards and back with the keyboard only (keyset cursors)', async () => {
    const { context, page } = await visit('/console');
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'SERVICE' });
    const expected = async (after?: string) =>
      (
        await gql<{ customers: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } }>(
          'query($after: String) { customers(first: 10, after: $after) { edges { node { id } } pageInfo { endCursor } } }',
          { after },
          staff,
        )
      ).customers;
    const first = await expected();
    const second = await expected(first.pageInfo.endCursor);
    expect(second.edges.length).toBeGreaterThan(0);
    const shown = () => page.locator('button[data-open-customer]').evaluateAll((buttons) => buttons.map((b) => (b as unknown as { dataset: Record<string, string> }).dataset.openCustomer));
    const press = async (key: string, times = 1) => {
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    };
    const focused = () => page.evaluate('document.activeElement?.textContent ?? ""');

    // Sign in: Tab to the role, purpose and the button (a pasted-token form comes first).
    await page.focus('#staff-role');
    await press('Tab');
    await page.keyboard.type('S'); // SERVICE in the purpose list
    await press('Tab');
    await press('Enter');
    await page.locator('#search-text').waitFor();
    await page.focus('#search-text');
    await press('Enter');
    await page.locator('[role="status"][data-page="1"]').waitFor();
    expect(await shown()).toEqual(first.edges.map((e) => e.node.id));
    // Focus lands on the page summary; the pager follows it.
    await press('Tab');
    expect(await focused()).toBe('Next page');
    await press('Enter');
    await page.locator('[role="status"][data-page="2"]').waitFor();
    expect(await shown()).toEqual(second.edges.map((e) => e.node.id));
    await check(page, 'console-search-page-2');
    await press('Tab');
    expect(await focused()).toBe('Previous page');
    await press('Enter');
    await page.locator('[role="status"][data-page="1"]').waitFor();
    expect(await shown()).toEqual(first.edges.map((e) => e.node.id));
    await context.close();
  });

  it('charts each segment’s recorded sizes over time, with the same numbers in a table', async () => {
    const rule = { condition: { field: 'ACQUISITION_CHANNEL', operator: 'EQ', values: ['WEB'] } };
    const segment = (await gql<{ createSegment: { id: string } }>('mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }', { input: { name: 'Web shoppers', rule } }))
      .createSegment;
    // One more web signup, then a refresh: the same version grows, which a size per version could not show.
    const input = { givenName: 'Late', familyName: 'Browser', acquisitionChannel: 'WEB' };
    await gql('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input });
    await gql('mutation($id: ID!) { refreshSegment(id: $id) { id } }', { id: segment.id });
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'SERVICE' });
    const points = (
      await gql<{ segment: { sizeHistory: { points: { at: string; version: number; memberCount: number }[] } } }>(
        'query($id: ID!) { segment(id: $id) { sizeHistory { points { at version memberCount } } } }',
        { id: segment.id },
        staff,
      )
    ).segment.sizeHistory.points;
    expect(points.map((p) => p.version)).toEqual([1, 1]);
    expect(points[1].memberCount).toBe(points[0].memberCount + 1);

    const { context, page } = await visit('/console');
    await page.selectOption('#staff-purpose', 'SERVICE');
    await page.click('section[aria-labelledby="dev"] button');
    await page.getByRole('button', { name: 'Segments' }).click();
    const canvas = page.locator('canvas[data-segment-sizes]');
    // Reading segments re-evaluates stale memberships first: slow on a loaded machine.
    await canvas.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'console-segment-sizes-missing');
      throw error;
    });
    expect(await canvas.getAttribute('data-segment-sizes')).toContain(`${segment.id}=${points.map((p) => p.memberCount).join('/')}`);
    for (const p of points) expect(await page.locator(`tr[data-segment-point="${segment.id}:${p.at}"] td`).last().textContent()).toBe(String(p.memberCount));
    const inked = await page.evaluate(
      '(() => { const c = document.querySelector("canvas[data-segment-sizes]"); return c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0); })()',
    );
    expect(inked).toBe(true);
    await check(page, 'console-segment-sizes');
    await context.close();
  });

  describe('OpenID Connect sign-in', () => oidcSignInScenarios(() => ({ origin, idp, platform, browser, check })));

  it('has no WCAG 2.2 AA violations on any page (axe-core)', async () => {
    const { context, page } = await visit('/console');
    await check(page, 'console-sign-in');
    await context.close();
    expect(Object.keys(violations).length).toBeGreaterThanOrEqual(16);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  });
});
