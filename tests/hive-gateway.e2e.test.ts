import { readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CallerKind, DEFAULT_EVENTS_OPTIONS } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { SUPERGRAPH_PATH } from '../scripts/platform';
import { startHiveGateway, type RunningHiveGateway } from './support/hive-gateway';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

type Answer = { status: number; body: { data?: unknown; errors?: unknown[] } };

const CUSTOMER_360 = readFileSync(join(__dirname, '..', '..', 'bench', 'queries', 'customer-360.graphql'), 'utf8');
const PARTNER_CUSTOMERS = readFileSync(join(__dirname, '..', '..', 'safelist', 'partner', 'partner-customers.graphql'), 'utf8');

/**
 * Scale path (issue 13): schema/supergraph.graphql also runs under a second, independent
 * federation router from npm, Hive Gateway, signing the same caller header per subgraph.
 */
describe(`Hive Gateway over our supergraph on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let hive: RunningHiveGateway;
  // Every host this process connects to while Hive starts and serves: nothing may leave loopback.
  const connectedTo = new Set<string>();
  const connect = net.Socket.prototype.connect;

  beforeAll(async () => {
    // No event timer: the demo's events relayed in the background are not this test's business.
    platform = await startTestPlatform({ demo: { seed: 360, customers: 40 }, events: { ...DEFAULT_EVENTS_OPTIONS, pollMs: 0 } });
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      const options = args[0] as { host?: string; path?: string } | number;
      connectedTo.add(typeof options === 'object' ? (options.path ?? options.host ?? 'localhost') : String(args[1] ?? 'localhost'));
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
    hive = await startHiveGateway({
      supergraphPath: SUPERGRAPH_PATH,
      subgraphUrls: Object.fromEntries(platform.subgraphs.map((s) => [s.name, s.url])),
      callerSigningKey: platform.callerSigningKey,
      auth: platform.tokens.auth,
    });
  }, 120_000);
  afterAll(async () => {
    net.Socket.prototype.connect = connect;
    await hive?.stop();
    await platform?.close();
  });

  const post = async (url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  it('answers the customer-360 page with the same body as our gateway', async () => {
    const variables = { first: 20, orders: 5 };
    // Up to three rounds: on a loaded machine a peer call past PEER_TIMEOUT_MS fails closed (withheld
    // scores) in either gateway's answer; a real difference between the routers shows in every round.
    let ours: Answer | undefined;
    let theirs: Answer | undefined;
    for (let round = 0; round < 3 && (!ours || ours.body.errors || !isDeepStrictEqual(ours.body, theirs?.body)); round++) {
      ours = await post(platform.gatewayUrl, CUSTOMER_360, variables, platform.internal);
      theirs = await post(hive.url, CUSTOMER_360, variables, platform.internal);
    }
    expect(ours!.body.errors).toBeUndefined();
    expect((ours!.body.data as { customers: { edges: unknown[] } }).customers.edges).toHaveLength(20);
    expect(theirs!.status).toBe(200);
    expect(theirs!.body).toEqual(ours!.body);
  });

  it('refuses a request without a valid token before any subgraph is asked', async () => {
    const response = await post(hive.url, CUSTOMER_360, { first: 1, orders: 1 }, { authorization: 'Bearer not-a-token' });
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
  });

  it('never hands one caller the answer of another caller asking the same thing at the same time', async () => {
    const callers = {
      nordicTravel: await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-nordic-travel' }),
      cityBank: await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-city-bank' }),
      staff: platform.internal,
    };
    const variables = { first: 50 };
    // Each caller's own answer, from our gateway: the three differ (different consents, different audiences).
    const own = Object.fromEntries(
      await Promise.all(Object.entries(callers).map(async ([name, headers]) => [name, (await post(platform.gatewayUrl, PARTNER_CUSTOMERS, variables, headers)).body] as const)),
    );
    expect(own.nordicTravel).not.toEqual(own.cityBank);
    expect(own.nordicTravel).not.toEqual(own.staff);
    for (const body of Object.values(own)) expect(body.errors).toBeUndefined();

    // The same document and variables from all three at once, many times: identical subgraph
    // requests in flight together, which Hive de-duplicates unless the caller header is in the key.
    const names = Object.keys(callers) as (keyof typeof callers)[];
    const rounds = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const name = names[i % names.length];
        return { name, answer: await post(hive.url, PARTNER_CUSTOMERS, variables, callers[name]) };
      }),
    );
    const wrong = rounds.filter(({ name, answer }) => answer.status !== 200 || !isDeepStrictEqual(answer.body, own[name])).map(({ name }) => name);
    expect(wrong).toEqual([]);
  });

  it('connects to nothing beyond loopback (no reporting, no telemetry)', () => {
    expect(connectedTo.size).toBeGreaterThan(0);
    expect([...connectedTo].filter((host) => !['127.0.0.1', 'localhost', '::1'].includes(host))).toEqual([]);
  });
});
