import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

describe('per-client rate limits at the gateway', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 3, customers: 5 }, rateLimit: { bucket: { burst: 50, perSecond: 10 }, byKind: { [CallerKind.BI]: { burst: 3, perSecond: 0.2 } } } });
  });
  afterAll(() => platform.close());

  const ask = (headers: Record<string, string>) =>
    fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ purposes { code } }' }) });

  it('answers 429 with Retry-After once a client spent its budget, and only for that client', async () => {
    const bi = await platform.tokens.headers(CallerKind.BI, { client_id: 'bi-dashboard' });
    for (let i = 0; i < 3; i += 1) expect((await ask(bi)).status).toBe(200);
    const refused = await ask(bi);
    expect(refused.status).toBe(429);
    // One token every 5 s: the next one is at most 5 s away.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(5);
    const body = (await refused.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect(body.data ?? null).toBeNull();

    expect((await ask(await platform.tokens.headers(CallerKind.BI, { client_id: 'another-bi-tool' }))).status).toBe(200);
    expect((await ask(platform.internal)).status).toBe(200);
  });

  it('does not spend budget on requests without a valid token (they are refused as 401 first)', async () => {
    expect((await ask({ authorization: 'Bearer nonsense' })).status).toBe(401);
  });

  it('refuses a request holding five value refreshes (each weighs 5,000 of the 20,000 cost budget) before any runs', async () => {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...platform.internal },
      body: JSON.stringify({ query: `mutation { ${[1, 2, 3, 4, 5].map((i) => `r${i}: refreshCustomerValues { __typename }`).join(' ')} }` }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; cost: number } }[] };
    expect(body.errors[0].extensions.code).toBe('OPERATION_TOO_COSTLY');
    expect(body.errors[0].extensions.cost).toBeGreaterThan(20_000);
  });
});
