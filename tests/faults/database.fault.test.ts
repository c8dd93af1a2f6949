import { Client } from 'pg';
import { freshDatabase, startProductionPlatform, type ProductionPlatform } from '../support/production-platform';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { CallerKind } from '../support/test-tokens';
import { ask, codesOf, eventually, expectNoInternalDetail, onPostgres, SKIP_REASON, type Answer } from './fault-kit';

const PAGE = `{
  customers(first: 5) { totalCount edges { node { id displayName } } }
  products(first: 3) { totalCount }
}`;

jest.setTimeout(180_000);

if (!process.env.DATABASE_URL) it.skip(SKIP_REASON, () => undefined);

onPostgres('database faults, production processes on PostgreSQL', () => {
  let platform: ProductionPlatform;
  let proxy: TcpProxy;
  let databaseUrl: string;
  let internal: Record<string, string>;
  let healthy: Answer;

  beforeAll(async () => {
    databaseUrl = await freshDatabase('faults_database');
    const server = new URL(databaseUrl);
    // The customers subgraph reaches PostgreSQL through a proxy the test can take away: the database
    // "goes down" for that service only, and the shared server others use is never touched.
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const throughProxy = Object.assign(new URL(databaseUrl), { port: String(proxy.port) }).toString();
    platform = await startProductionPlatform({
      databaseUrl,
      demoCustomers: 12,
      env: { SUBGRAPH_TIMEOUT_MS: '5000' },
      serviceEnv: { customers: { DATABASE_URL: throughProxy } },
    });
    internal = await platform.tokens.headers(CallerKind.INTERNAL_APP);
    healthy = await ask(platform.gatewayUrl, internal, PAGE);
  });
  afterAll(async () => {
    await platform?.stop();
    await proxy?.down().catch(() => undefined);
  });

  it('answers the page while the database is reachable (so the checks below can fail)', () => {
    expect(healthy.status).toBe(200);
    expect(healthy.body.errors).toBeUndefined();
    expect((healthy.body.data?.customers as { totalCount: number }).totalCount).toBe(12);
  });

  it('connections killed under a stream of requests: a few typed errors at most, then every answer is whole again, with no restart', async () => {
    const pids = (['gateway', 'customers', 'transactions', 'offers', 'consent'] as const).map((s) => platform.process(s).child.pid);
    const answers: Answer[] = [];
    let killing = true;
    // Requests keep coming through the kills and for 10 more after them, however fast the machine is.
    const stream = (async () => {
      let after = 0;
      while (killing || after < 10) {
        answers.push(await ask(platform.gatewayUrl, internal, PAGE));
        if (!killing) after += 1;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    let killed = 0;
    try {
      for (let round = 0; round < 3; round += 1) {
        const { rows } = await admin.query('SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
        killed += rows.filter((r: { done: boolean }) => r.done).length;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    } finally {
      killing = false;
      await admin.end();
    }
    await stream;
    expect(killed).toBeGreaterThanOrEqual(5); // every service held connections, and lost them

    const failed = answers.filter((a) => a.text !== healthy.text);
    for (const answer of failed) {
      expect(answer.status).toBe(200);
      expectNoInternalDetail(answer);
      for (const code of codesOf(answer)) expect(['SUBGRAPH_UNAVAILABLE', 'DECISION_UNAVAILABLE']).toContain(code);
    }
    expect(failed.length).toBeLessThanOrEqual(8);
    // The last answers of the stream, and the next ones, are whole: the pools replaced their connections.
    expect(answers.slice(-5).map((a) => a.text)).toEqual(Array(5).fill(healthy.text));
    expect((await ask(platform.gatewayUrl, internal, PAGE)).text).toBe(healthy.text);
    expect((['gateway', 'customers', 'transactions', 'offers', 'consent'] as const).map((s) => platform.process(s).child.pid)).toEqual(pids);
  });

  it('database down: /ready says so, requests get typed errors without detail, the rest of the graph answers; back up, it recovers without restart', async () => {
    const pid = platform.process('customers').child.pid;
    await proxy.down();
    try {
      const ready = await eventually(async () => {
        const response = await fetch(customersReadyUrl(platform), { signal: AbortSignal.timeout(5_000) });
        const body = (await response.json()) as { checks?: Record<string, string> };
        return response.status === 503 ? body : undefined;
      }, 10_000);
      expect(ready.value.checks?.database).toBe('unreachable');

      for (let i = 0; i < 3; i += 1) {
        const answer = await ask(platform.gatewayUrl, internal, PAGE);
        expect(answer.status).toBe(200);
        expect(answer.body.data?.customers ?? null).toBeNull();
        expect(answer.body.data?.products).toEqual(healthy.body.data?.products);
        expect(codesOf(answer)).toEqual(['SUBGRAPH_UNAVAILABLE']);
        expectNoInternalDetail(answer);
        expect(answer.ms).toBeLessThan(5_000);
      }
    } finally {
      await proxy.up();
    }
    await eventually(async () => ((await fetch(customersReadyUrl(platform))).status === 200 ? true : undefined), 15_000);
    const { value } = await eventually(async () => {
      const answer = await ask(platform.gatewayUrl, internal, PAGE);
      return answer.text === healthy.text ? answer : undefined;
    }, 15_000);
    expect(value.body.errors).toBeUndefined();
    expect(platform.process('customers').child.pid).toBe(pid);
  });
});

/** The customers subgraph's /ready, next to its GraphQL URL. */
function customersReadyUrl(platform: ProductionPlatform): string {
  return new URL('/ready', platform.subgraphUrl('customers')).toString();
}
