import { freshDatabase, startProductionPlatform, type ProductionPlatform } from '../support/production-platform';
import { CallerKind } from '../support/test-tokens';
import { ask, codesOf, eventually, expectNoInternalDetail, onPostgres, SKIP_REASON, type Answer } from './fault-kit';

// A page a marketing agent opens: personal fields decided per customer by the consent subgraph,
// next to catalogue fields that need no decision at all.
const PAGE = `{
  products(first: 3) { totalCount edges { node { sku } } }
  customers(first: 5) { edges { node { id email phone nextBestOffers(first: 1) { rank } } } }
}`;
const PEER_TIMEOUT_MS = 400;
const GATEWAY_SUBGRAPH_TIMEOUT_MS = 1_000;
// Both timeouts, plus the planning and hops of a loaded 2-core machine.
const ANSWER_BOUND_MS = PEER_TIMEOUT_MS + GATEWAY_SUBGRAPH_TIMEOUT_MS + 1_100;

const customerNodes = (answer: Answer) => (answer.body.data?.customers as { edges?: { node: Record<string, unknown> }[] } | null)?.edges ?? [];
const emailsIn = (answer: Answer) => [...answer.text.matchAll(/"email":"([^"]+)"/g)].map((m) => m[1]);

jest.setTimeout(180_000);

if (!process.env.DATABASE_URL) it.skip(SKIP_REASON, () => undefined);

onPostgres('consent subgraph faults, production processes on PostgreSQL', () => {
  let platform: ProductionPlatform;
  let marketing: Record<string, string>;
  let healthy: Answer;

  beforeAll(async () => {
    platform = await startProductionPlatform({
      databaseUrl: await freshDatabase('faults_consent'),
      demoCustomers: 12,
      env: { PEER_TIMEOUT_MS: String(PEER_TIMEOUT_MS), PEER_BREAKER_RESET_MS: '1000', SUBGRAPH_TIMEOUT_MS: String(GATEWAY_SUBGRAPH_TIMEOUT_MS) },
    });
    // MARKETING is decided customer by customer (SERVICE is a standing decision, cached per process).
    marketing = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'MARKETING' });
    healthy = await ask(platform.gatewayUrl, marketing, PAGE);
  });
  afterAll(() => platform?.stop());

  /** Several requests while the fault lasts: each within the bound, nothing personal, the catalogue intact, typed errors only. */
  const expectFailsClosed = async () => {
    for (let i = 0; i < 4; i += 1) {
      const answer = await ask(platform.gatewayUrl, marketing, PAGE);
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(ANSWER_BOUND_MS);
      expect(answer.body.data?.products).toEqual(healthy.body.data?.products);
      expect(emailsIn(answer)).toEqual([]);
      expect(answer.text).not.toMatch(/"phone":"/);
      // Withheld visibly, and for the right reason: undecided, not "no consent".
      const errors = answer.body.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect([error.extensions?.code, error.extensions?.reason]).toEqual([expect.stringMatching(/^(CONSENT_REQUIRED|DECISION_UNAVAILABLE)$/), 'DECISION_UNAVAILABLE']);
      // No decision, no offer, and said so: never an empty list that looks like "nothing to offer".
      for (const { node } of customerNodes(answer)) expect(node.nextBestOffers).toBeNull();
      expectNoInternalDetail(answer);
    }
  };

  const recovers = () =>
    eventually(async () => {
      const answer = await ask(platform.gatewayUrl, marketing, PAGE);
      return answer.text === healthy.text ? answer : undefined;
    }, 20_000);

  it('answers personal fields to a marketing caller while consent is up (so the checks below can fail)', () => {
    expect(healthy.text).toContain('"products"');
    expect(healthy.status).toBe(200);
    expect(emailsIn(healthy).length).toBeGreaterThan(0);
    expect((healthy.body.data?.products as { totalCount: number }).totalCount).toBeGreaterThan(0);
    expect(codesOf(healthy)).not.toContain('DECISION_UNAVAILABLE');
  });

  it('killed (SIGKILL): fails closed within the bound, catalogue still answers; a restarted consent is used again without restarting anything else', async () => {
    const others = (['gateway', 'customers', 'transactions', 'offers'] as const).map((s) => platform.process(s).child.pid);
    const consent = platform.process('consent');
    consent.child.kill('SIGKILL');
    await consent.exited;

    await expectFailsClosed();

    await platform.start('consent');
    const { afterMs } = await recovers();
    expect(afterMs).toBeLessThan(20_000);
    expect((['gateway', 'customers', 'transactions', 'offers'] as const).map((s) => platform.process(s).child.pid)).toEqual(others);
  });

  it('hung (SIGSTOP): fails closed within the bound instead of waiting on it; answers again by itself after SIGCONT', async () => {
    const consent = platform.process('consent');
    consent.child.kill('SIGSTOP');
    try {
      await expectFailsClosed();
      // The circuit is open now: a request is refused at once, not after another timeout.
      const open = await ask(platform.gatewayUrl, marketing, PAGE);
      expect(emailsIn(open)).toEqual([]);
    } finally {
      consent.child.kill('SIGCONT');
    }
    await recovers();
    expect(platform.process('consent').child.pid).toBe(consent.child.pid);
  });
});
