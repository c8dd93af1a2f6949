import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, startProductionPlatform, type ProductionPlatform } from '../support/production-platform';
import { CallerKind } from '../support/test-tokens';
import { ask, codesOf, expectNoInternalDetail, onPostgres, SKIP_REASON } from './fault-kit';

const RECORDER = join(__dirname, '..', 'support', 'record-connections.js');
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const CUSTOMERS_PAGE = 'query($a: String) { customers(after: $a, first: 2) { totalCount edges { node { id displayName } } } }';
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

// 30 requests per client (the window settings and the token-bucket ones, whichever the gateway reads); this file's own client sends fewer.
const BUDGET = 30;
const RATE_LIMIT = { RATE_LIMIT_PER_WINDOW: String(BUDGET), RATE_LIMIT_WINDOW_SECONDS: '60', RATE_LIMIT_BURST: String(BUDGET), RATE_LIMIT_PER_SECOND: '0.01' };

jest.setTimeout(180_000);

if (!process.env.DATABASE_URL) it.skip(SKIP_REASON, () => undefined);

/** The edge of the production gateway, in front of real subgraph processes on PostgreSQL. */
onPostgres('client mistakes, slow bodies, rate limits, start-up and SIGTERM on production processes', () => {
  let platform: ProductionPlatform;
  let internal: Record<string, string>;
  const connectionsLog = join(mkdtempSync(join(tmpdir(), 'c360-faults-outbound-')), 'connections.jsonl');

  beforeAll(async () => {
    platform = await startProductionPlatform({
      databaseUrl: await freshDatabase('faults_edge'),
      demoCustomers: 6,
      env: { ...RATE_LIMIT, HTTP_REQUEST_TIMEOUT_MS: '800', CONNECTIONS_LOG: connectionsLog, APOLLO_KEY: 'service:c360:not-a-real-key', APOLLO_GRAPH_REF: 'c360@current' },
      nodeArgs: ['--require', RECORDER],
    });
    internal = await platform.tokens.headers(CallerKind.INTERNAL_APP);
  });
  afterAll(() => platform?.stop());

  it('start-up (migrations, demo seeding, first requests) connects to nothing outside loopback', async () => {
    expect((await ask(platform.gatewayUrl, internal, CUSTOMERS_PAGE)).body.errors).toBeUndefined();
    expect(existsSync(connectionsLog)).toBe(true);
    const attempts = readFileSync(connectionsLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { kind: string; destination: { host?: string; path?: string } });
    expect(attempts.filter((a) => a.kind === 'connect').length).toBeGreaterThan(0); // the recorder saw the database and peer connections
    expect(attempts.filter((a) => !a.destination.path && !LOOPBACK.has(a.destination.host ?? ''))).toEqual([]);
  });

  const send = async (body: string, headers: Record<string, string> = internal) => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    return { status: response.status, text, codes: [...new Set(((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code))] };
  };
  const json = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

  it.each([
    ['a body that is not JSON', '{"query": "{ purposes { code } }"', 400, 'BAD_REQUEST', undefined],
    ['a query that does not parse', json('{ purposes { code '), 400, 'GRAPHQL_PARSE_FAILED', undefined],
    ['a field the graph does not have', json('{ purposes { secretColumn } }'), 400, 'GRAPHQL_VALIDATION_FAILED', undefined],
    ['several operations without operationName', json('query A { purposes { code } } query B { purposes { code } }'), 400, 'BAD_REQUEST', undefined],
    [
      'an impossible date variable',
      json('query($d: DateTimeISO) { customers(filter: { createdAfter: $d }, first: 1) { totalCount } }', { d: "2020-01-01'; DROP TABLE x;--" }),
      400,
      'BAD_USER_INPUT',
      'DROP TABLE',
    ],
    [
      'a NUL byte in a string variable',
      json(CUSTOMERS_PAGE.replace('$a: String', '$a: String, $s: String').replace('first: 2', 'first: 2, filter: { search: $s }'), { s: 'ab\u0000c' }),
      400,
      'BAD_USER_INPUT',
      undefined,
    ],
    ['an operation nested thousands deep', json(`mutation { createSegment(input: { name: "deep", rule: ${'{ not: '.repeat(3000)}{}${' }'.repeat(3000)} }) { id } }`), 400, 'BAD_REQUEST', undefined],
  ])('refuses %s with a typed 4xx, never echoing it or showing internals', async (_what, body, status, code, secret) => {
    const answer = await send(body);
    expect(answer.status).toBe(status);
    expect(answer.codes).toEqual([code]);
    expect(answer.text).not.toMatch(/stacktrace|\bat \S+ \(/);
    if (secret) expect(answer.text).not.toContain(secret);
  });

  it('refuses a hand-edited cursor with BAD_USER_INPUT, not an internal error', async () => {
    const answer = await ask(platform.gatewayUrl, internal, CUSTOMERS_PAGE, { a: cursorOf(['not-a-date', "x' OR 1=1"]) });
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expectNoInternalDetail(answer);
    expect(answer.text).not.toContain('OR 1=1');
  });

  it.each([
    ['no token', {}, 401, 'UNAUTHENTICATED'],
    ['a token that is not one', { authorization: 'Bearer nonsense' }, 401, 'UNAUTHENTICATED'],
  ])('refuses %s with 401', async (_what, headers, status, code) => {
    const answer = await send(json('{ purposes { code } }'), headers as Record<string, string>);
    expect(answer.status).toBe(status);
    expect(answer.codes).toEqual([code]);
  });

  it('refuses a partner ad-hoc operation (not a trusted document) in production', async () => {
    const answer = await send(json('{ purposes { code } }'), await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-nordic-air' }));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.codes).toEqual(['OPERATION_NOT_TRUSTED']);
  });

  it('answers 429 RATE_LIMITED with Retry-After once a client spent its budget, and only for that client', async () => {
    const burst = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'faults-burst' });
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET; i += 1) statuses.push((await send(json('{ purposes { code } }'), burst)).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const refused = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...burst }, body: json('{ purposes { code } }') });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect((await send(json('{ purposes { code } }'))).status).toBe(200);
  });

  it('cuts a request body dribbled slower than HTTP_REQUEST_TIMEOUT_MS with 408, and still serves others meanwhile', async () => {
    const port = Number(new URL(platform.gatewayUrl).port);
    const body = json('{ purposes { code } }');
    const started = Date.now();
    const dribbled = new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      let i = 0;
      const timer = setInterval(() => i < body.length && !socket.destroyed && socket.write(body[i++]), 150);
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve(answer);
      });
      socket.write(`POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`);
    });
    expect((await ask(platform.gatewayUrl, internal, '{ purposes { code } }')).status).toBe(200);
    expect(await dribbled).toMatch(/^HTTP\/1.1 408/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('SIGTERM to the gateway during a customer page: that request completes with its whole answer, the gateway exits 0', async () => {
    const healthy = await ask(platform.gatewayUrl, internal, CUSTOMERS_PAGE);
    expect(healthy.body.errors).toBeUndefined();
    const customers = platform.process('customers');
    // Hold the customers subgraph so the request is surely inside the gateway when the signal arrives.
    customers.child.kill('SIGSTOP');
    const gateway = platform.process('gateway');
    let inFlight: Promise<Awaited<ReturnType<typeof ask>>>;
    try {
      inFlight = ask(platform.gatewayUrl, internal, CUSTOMERS_PAGE);
      await new Promise((resolve) => setTimeout(resolve, 500));
      gateway.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      customers.child.kill('SIGCONT');
    }
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(healthy.text);
    expect(await gateway.exited).toBe(0);
    await expect(fetch(platform.gatewayUrl.replace(/graphql$/, 'health'))).rejects.toThrow(); // gone: nothing listens any more
  });
});
