import { PassThrough } from 'node:stream';
import { storageLabel } from '@c360/shared/testing';
import { collectProcessMetrics, configureLogging, PeriodicJob } from '@c360/shared';
import { CreateCustomerDocument, CustomerProfileDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

const PII = { givenName: 'Zelda', familyName: 'Quixotic', email: 'zelda.quixotic@example.org', phone: '+33612345678' };

const base = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = async (response: Response): Promise<any> => response.json();

// The whole platform starts in beforeAll; on a loaded machine that can pass a minute.
jest.setTimeout(180_000);

describe(`health, readiness, access logs and metrics on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let logged = '';
  const lines = () =>
    logged
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    configureLogging({ level: 'info', pretty: false }, stream);
    collectProcessMetrics();
    platform = await startTestPlatform();
  });
  afterAll(async () => {
    await platform.close();
    configureLogging({ level: 'silent', pretty: false });
  });

  it('/health is a cheap liveness answer and /ready checks database, migrations and peers on every service', async () => {
    for (const url of [platform.gatewayUrl, ...platform.subgraphs.map((s) => s.url)]) {
      expect((await fetch(`${base(url)}/health`)).status).toBe(200);
      const ready = await fetch(`${base(url)}/ready`);
      expect(ready.status).toBe(200);
    }
    const customers = await body(await fetch(`${base(platform.subgraphs.find((s) => s.name === 'customers')!.url)}/ready`));
    expect(customers).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', 'peer transactions': 'ok', 'peer offers': 'ok', 'peer consent': 'ok' } });
    const gateway = await body(await fetch(`${base(platform.gatewayUrl)}/ready`));
    expect(Object.keys(gateway.checks).sort()).toEqual(['subgraph consent', 'subgraph customers', 'subgraph offers', 'subgraph transactions']);
  });

  it('one access line per request at the gateway and each subgraph, with one request id and trace id, and no personal data or token', async () => {
    logged = '';
    const created = await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, { input: { ...PII, acquisitionChannel: 'WEB' } }, platform.internal);
    expect(created.errors).toBeUndefined();
    const profile = await postGraphQL(platform.gatewayUrl, CustomerProfileDocument, { id: created.data!.createCustomer.id }, platform.internal);
    expect(profile.data?.customer?.email).toBe(PII.email);

    // RelayEvents (RelayEvent from an older peer) is the outbox handing events to the consent subgraph in the
    // background (issue 15), not part of any client request: it has its own request and trace ids.
    const access = lines().filter((l) => l.kind === 'access' && l.operation !== 'RelayEvents' && l.operation !== 'RelayEvent');
    const gatewayLines = access.filter((l) => l.service === 'gateway');
    expect(gatewayLines.map((l) => l.operation)).toEqual(['CreateCustomer', 'CustomerProfile']);
    expect(gatewayLines[0]).toMatchObject({ level: 30, clientId: 'test-internal_app', callerKind: 'INTERNAL_APP', status: 200, errorCodes: [] });
    expect(typeof gatewayLines[0].durationMs).toBe('number');
    expect(profile.headers.get('x-request-id')).toBe(gatewayLines[1].requestId);
    // Each subgraph line belongs to one gateway request: same request id, same trace id.
    const subgraphLines = access.filter((l) => l.service !== 'gateway');
    expect(new Set(subgraphLines.map((l) => l.service))).toEqual(new Set(['customers', 'consent']));
    for (const line of subgraphLines) {
      const origin = gatewayLines.find((g) => g.requestId === line.requestId);
      expect(origin?.traceId).toBe(line.traceId);
    }
    expect(subgraphLines.filter((l) => l.service === 'customers').map((l) => l.operation)).toEqual(['CreateCustomer__customers__0', 'CustomerProfile__customers__0']);
    expect(new Set(gatewayLines.map((l) => l.traceId)).size).toBe(2);
    for (const line of access) expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);

    const token = platform.internal.authorization.replace('Bearer ', '');
    for (const secret of [PII.givenName, PII.familyName, PII.email, PII.phone, token, token.split('.')[1]]) expect(logged).not.toContain(secret);
  });

  it('a rejected token and a client-chosen operation name never reach the log as given', async () => {
    logged = '';
    const forged = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ6ZWxkYUBleGFtcGxlLm9yZyJ9.';
    const rejected = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` }, body: '{"query":"{ __typename }"}' });
    expect(rejected.status).toBe(401);
    const unknown = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...platform.internal },
      body: JSON.stringify({ query: 'query A { __typename } query B { __typename }', operationName: 'zelda.quixotic@example.org' }),
    });
    expect(unknown.status).toBeGreaterThanOrEqual(400); // which 4xx is section 4's business; here only the log matters
    // The gateway's lines: internal traffic in between (e.g. the outbox relaying the first test's events to the
    // consent subgraph) logs in its own service; the secrets below are checked against every service's log.
    const access = lines().filter((l) => l.kind === 'access' && l.service === 'gateway');
    expect(access.map((l) => [l.status, l.operation, l.errorCodes])).toEqual([
      [401, 'anonymous', ['UNAUTHENTICATED']],
      [unknown.status, 'invalid', expect.any(Array)],
    ]);
    expect(logged).not.toContain(forged);
    expect(logged).not.toContain('zelda');
  });

  it('/metrics of every service: requests per operation, errors, subgraph fetches, consent decisions, peer calls, event-loop lag, jobs', async () => {
    await new PeriodicJob(
      'metrics test job',
      0,
      async () => null,
      () => undefined,
    ).runNow();
    const scrape = async (url: string) => {
      const response = await fetch(`${base(url)}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      return response.text();
    };
    for (const subgraph of platform.subgraphs) await scrape(subgraph.url);
    const text = await scrape(platform.gatewayUrl);
    expect(text).toMatch(/c360_graphql_request_duration_seconds_count\{service="gateway",operation="CustomerProfile",status="200"\} [1-9]/);
    expect(text).toMatch(/c360_graphql_request_duration_seconds_count\{service="customers",operation="CustomerProfile__customers__0",status="200"\} [1-9]/);
    expect(text).toMatch(/c360_graphql_errors_total\{service="gateway",code="UNAUTHENTICATED"\} [1-9]/);
    expect(text).toMatch(/c360_gateway_subgraph_fetch_duration_seconds_count\{subgraph="customers",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/c360_consent_decisions_total\{service="customers",outcome="allow",reason="[A-Z_]+"\} [1-9]/);
    expect(text).toMatch(/c360_peer_call_duration_seconds_count\{service="customers",peer="consent",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds \d/);
    expect(text).toMatch(/c360_background_job_runs_total\{job="metrics test job",outcome="ok"\} 1/);
    if (platform.storage.kind === 'postgres') expect(text).toMatch(/c360_db_pool_connections\{service="customers",state="total"\} \d/);
    expect(text).not.toContain(PII.email);
  });

  it('/ready fails when a migration is missing, and comes back when it is applied', async () => {
    const customers = platform.subgraphs.find((s) => s.name === 'customers')!;
    const [last] = await customers.dataSource.query('SELECT id, timestamp, name FROM customers.migrations ORDER BY id DESC LIMIT 1');
    await customers.dataSource.query('DELETE FROM customers.migrations WHERE id = $1', [last.id]);
    try {
      const report = await fetch(`${base(customers.url)}/ready`);
      expect(report.status).toBe(503);
      expect((await body(report)).checks.migrations).toBe('1 pending');
      const gateway = await fetch(`${base(platform.gatewayUrl)}/ready`);
      expect(gateway.status).toBe(503);
      expect((await body(gateway)).checks['subgraph customers']).toBe('HTTP 503');
    } finally {
      await customers.dataSource.query('INSERT INTO customers.migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
    }
    expect((await fetch(`${base(customers.url)}/ready`)).status).toBe(200);
  });

  it('/ready fails when a peer is down (last: it stops the consent subgraph)', async () => {
    const consent = platform.subgraphs.find((s) => s.name === 'consent')!;
    await consent.stop();
    const customers = platform.subgraphs.find((s) => s.name === 'customers')!;
    const report = await fetch(`${base(customers.url)}/ready`);
    expect(report.status).toBe(503);
    expect((await body(report)).checks['peer consent']).toBe('unreachable');
    expect((await fetch(`${base(customers.url)}/health`)).status).toBe(200); // alive, just not ready
    expect((await fetch(`${base(platform.gatewayUrl)}/ready`)).status).toBe(503);
  });
});
