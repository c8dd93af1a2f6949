import type { Server } from 'node:http';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

type Answer = { data?: Record<string, unknown> | null; errors?: { path?: (string | number)[]; extensions?: { code?: string } }[] };

/** Root fields are nullable so that one failing field or subgraph never erases the rest of the answer. */
describe('partial answers', () => {
  let platform: TestPlatform;
  const delayMs = { customers: 0 };

  /** Delays every request the customers subgraph receives, to play a slow dependency. */
  const slowDown = (http: Server) => {
    const handlers = http.listeners('request') as ((...args: unknown[]) => void)[];
    http.removeAllListeners('request');
    http.on('request', (req, res) => setTimeout(() => handlers.forEach((h) => h.call(http, req, res)), delayMs.customers));
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 3, customers: 12 }, subgraphTimeoutMs: 1_500 });
    slowDown(platform.subgraphs.find((s) => s.name === 'customers')!.http);
  });
  afterAll(() => platform.close());
  afterEach(() => (delayMs.customers = 0));

  const ask = async (query: string, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return (await response.json()) as Answer;
  };

  it('keeps the products list when the customers subgraph is too slow', async () => {
    delayMs.customers = 4_000;
    const answer = await ask('{ customers(first: 1) { totalCount } segments(first: 1) { totalCount } products(first: 2) { totalCount } purposes { code } }', platform.internal);
    expect(answer.data).not.toBeNull();
    expect(answer.data?.customers).toBeNull();
    expect(answer.data?.segments).toBeNull();
    expect((answer.data?.products as { totalCount: number }).totalCount).toBeGreaterThan(0);
    expect((answer.data?.purposes as unknown[]).length).toBeGreaterThan(0);
    expect(answer.errors?.map((e) => e.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
  });

  it('answers everything again once the customers subgraph is fast', async () => {
    const answer = await ask('{ customers(first: 1) { totalCount } products(first: 1) { totalCount } }', platform.internal);
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.customers as { totalCount: number }).totalCount).toBe(12);
  });

  it('refuses a BI token only the customer rows, not its counts', async () => {
    const answer = await ask('{ customerCounts(groupBy: COUNTRY) { minimumGroupSize } customers(first: 1) { totalCount } }', await platform.tokens.headers(CallerKind.BI));
    expect(answer.data?.customers).toBeNull();
    expect(answer.data?.customerCounts).toEqual({ minimumGroupSize: expect.any(Number) });
    expect(answer.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([['customers', 'FORBIDDEN']]);
  });
});
