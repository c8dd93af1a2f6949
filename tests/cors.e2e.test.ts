import { startTestPlatform, type TestPlatform } from './support/test-platform';

describe('browser apps at the gateway (CORS)', () => {
  let platform: TestPlatform;
  const app = 'https://crm.example.com';

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 3, customers: 3 }, corsAllowedOrigins: [app] });
  });
  afterAll(() => platform.close());

  const preflight = (origin: string) =>
    fetch(platform.gatewayUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('answers a preflight from an allowed origin', async () => {
    const response = await preflight(app);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(app);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('refuses a preflight from any other origin, look-alikes included', async () => {
    for (const origin of ['https://evil.example', 'https://crm.example.com.evil.example', 'http://crm.example.com']) {
      const response = await preflight(origin);
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('marks the answer to an allowed origin, and only to it', async () => {
    const post = (origin: string) => fetch(platform.gatewayUrl, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...platform.internal }, body: JSON.stringify({ query: '{ purposes { code } }' }) });
    expect((await post(app)).headers.get('access-control-allow-origin')).toBe(app);
    expect((await post('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it("keeps Apollo's CSRF prevention for simple requests from other origins", async () => {
    const response = await fetch(`${platform.gatewayUrl}?query=${encodeURIComponent('{ purposes { code } }')}`, { headers: { origin: 'https://evil.example', ...platform.internal } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });
});
