import { CallerKind, PeerUnavailableError, type Caller, type PeerClient, type SubgraphName } from '@c360/shared';
import { allowAllDecider, internalCaller, RecordingDisclosureRecorder, startSubgraphHarness, storageLabel, TEST_SIGNING_KEY, type SubgraphHarness } from '@c360/shared/testing';
import { randomUUID } from 'node:crypto';
import { consentSubgraph } from '../src';
import { appendChainedEvents } from '../src/ledger/chained-batch';
import { ConsentSubjectDataRepository } from '../src/subject-data/subject-data.repository';
import { DataSubjectRequestKind } from '../src/subject-request/subject-request.enums';
import { SubjectRequestRepository } from '../src/subject-request/subject-request.repository';
import { ABANDONED_AFTER_MS } from '../src/subject-request/subject-request.runner';

const REQUEST_ERASURE = `mutation E($customerId: ID!) { requestErasure(customerId: $customerId) { id status parts { subgraph status reason attempts nextAttemptAt } } }`;
const REQUEST_ACCESS = `mutation A($customerId: ID!) { requestDataAccess(customerId: $customerId) { id status accessDocument } }`;
const GET = `query G($id: ID!) { dataSubjectRequest(id: $id) { id status accessDocument parts { subgraph status attempts reason nextAttemptAt } } }`;

interface Part { subgraph: string; status: string; reason: string | null; attempts: number; nextAttemptAt: string | null }
interface Request { id: string; status: string; parts: Part[]; accessDocument?: Record<string, any> | null } // eslint-disable-line @typescript-eslint/no-explicit-any

/** Peers that answer the privacy contract, except `failing` for its first `failures` calls. */
class FakePeers implements PeerClient {
  readonly callers: Caller[] = [];
  constructor(private failing: SubgraphName | null = null, private failures = 0) {}
  failFor(peer: SubgraphName, times: number) {
    this.failing = peer;
    this.failures = times;
  }
  private held: { peer: SubgraphName; arrived: () => void; release: Promise<void> } | null = null;
  /** The next export from `peer` waits until released; `arrived` resolves once it has been asked for. */
  holdExport(peer: SubgraphName): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    this.held = { peer, arrived, release: new Promise<void>((resolve) => (release = resolve)) };
    return { arrived: arrival, release };
  }
  async query<T>(peer: SubgraphName, caller: Caller, query: string): Promise<T> {
    this.callers.push(caller);
    const held = this.held;
    if (held?.peer === peer && query.includes('subjectDataExport')) {
      this.held = null;
      held.arrived();
      await held.release;
    }
    if (peer === this.failing && this.failures-- > 0) throw new PeerUnavailableError(peer, 'connection refused');
    if (query.includes('subjectDataExport')) return { subjectDataExport: { subgraph: peer, data: { from: peer } } } as T;
    return { eraseSubjectData: { subgraph: peer, counts: [{ table: `${peer}.x`, action: 'DELETED', rows: 1 }] } } as T;
  }
}

const staff = internalCaller({ scopes: ['privacy:admin', 'customers.pii:read'] });
const until = async (check: () => Promise<boolean>, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
};

describe(`data-subject requests in the consent subgraph on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const peers = new FakePeers();
  const run = <T>(query: string, variables: Record<string, unknown>, caller: Caller = staff) => harness.execute<T, Record<string, unknown>>(query, variables, caller);
  const get = async (id: string) => (await run<{ dataSubjectRequest: Request }>(GET, { id })).data!.dataSubjectRequest;

  beforeAll(async () => {
    process.env.DSR_RETRY_BASE_MS = '50';
    process.env.DSR_MAX_ATTEMPTS = '3';
    harness = await startSubgraphHarness(consentSubgraph, { consentDecider: allowAllDecider, disclosureRecorder: new RecordingDisclosureRecorder() }, peers);
  });
  afterAll(async () => {
    await harness.close();
    delete process.env.DSR_RETRY_BASE_MS;
    delete process.env.DSR_MAX_ATTEMPTS;
  });

  it('calls every peer as the subject-request service caller, with privacy:admin and nothing else', async () => {
    const r = await run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId: randomUUID() });
    expect(r.data!.requestErasure.status).toBe('DONE');
    expect(peers.callers.at(-1)).toEqual({ clientId: 'consent:subject-requests', kind: CallerKind.INTERNAL_APP, scopes: ['privacy:admin'], purpose: 'SERVICE' });
  });

  it('returns the unfinished request when the same kind is asked again for the customer, and a new one once it is DONE', async () => {
    const customerId = randomUUID();
    peers.failFor('offers', 100);
    const first = (await run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId })).data!.requestErasure;
    expect(first.status).toBe('FAILED');
    // Automatic retries (50 ms base, 3 attempts) call the peers too: count only once they have stopped.
    let calls = -1;
    while (calls !== peers.callers.length) {
      calls = peers.callers.length;
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    const [again, concurrent] = await Promise.all([run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId }), run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId })]);
    expect([again.data!.requestErasure.id, concurrent.data!.requestErasure.id]).toEqual([first.id, first.id]);
    expect(peers.callers.length).toBe(calls); // no new fan-out to the subgraphs
    const access = (await run<{ requestDataAccess: Request }>(REQUEST_ACCESS, { customerId })).data!.requestDataAccess;
    expect(access.id).not.toBe(first.id); // another kind is another request
    peers.failFor('offers', 0);
    // Automatic retries may be spent by now: a resume finishes it either way.
    await run(`mutation R($id: ID!) { resumeDataSubjectRequest(id: $id) { id } }`, { id: first.id });
    await until(async () => (await get(first.id)).status === 'DONE');
    const after = (await run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId })).data!.requestErasure;
    expect(after.id).not.toBe(first.id);
  });

  it('retries a failed part automatically with backoff until it is DONE', async () => {
    peers.failFor('transactions', 1);
    const r = (await run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId: randomUUID() })).data!.requestErasure;
    expect(r.status).toBe('FAILED');
    expect(r.parts.find((p) => p.subgraph === 'transactions')).toMatchObject({ status: 'FAILED', attempts: 1, reason: 'transactions subgraph unavailable: connection refused' });
    await until(async () => (await get(r.id)).status === 'DONE');
    expect((await get(r.id)).parts.find((p) => p.subgraph === 'transactions')).toMatchObject({ status: 'DONE', attempts: 2, reason: null });
  });

  it('stops retrying after the configured attempts, stays FAILED, and a resume starts a new round', async () => {
    peers.failFor('offers', 100);
    const r = (await run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId: randomUUID() })).data!.requestErasure;
    await until(async () => (await get(r.id)).parts.some((p) => p.subgraph === 'offers' && p.status === 'FAILED' && p.attempts === 3 && p.nextAttemptAt === null));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exhausted = await get(r.id);
    expect(exhausted.status).toBe('FAILED');
    expect(exhausted.parts.find((p) => p.subgraph === 'offers')).toMatchObject({ status: 'FAILED', attempts: 3, nextAttemptAt: null });
    expect(exhausted.parts.filter((p) => p.subgraph !== 'offers').every((p) => p.status === 'DONE' && p.attempts === 1)).toBe(true);

    peers.failFor('offers', 0);
    const resumed = await run<{ resumeDataSubjectRequest: Request }>(`mutation R($id: ID!) { resumeDataSubjectRequest(id: $id) { status parts { subgraph attempts } } }`, { id: r.id });
    expect(resumed.data!.resumeDataSubjectRequest.status).toBe('DONE');
    expect(resumed.data!.resumeDataSubjectRequest.parts.find((p) => p.subgraph === 'offers')!.attempts).toBe(4);
  });

  /**
   * An erasure whose offers part ran out of attempts, then left as a crash mid-attempt leaves it:
   * RUNNING, last touched `agoMs` before now. Waits for the third attempt to have finished first
   * (FAILED, no retry due): while in flight it also shows attempts 3 and no retry time, and its
   * last write would undo the simulated crash.
   */
  const interruptedErasure = async (agoMs: number): Promise<string> => {
    peers.failFor('offers', 100);
    const r = (await run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId: randomUUID() })).data!.requestErasure;
    await until(async () => (await get(r.id)).parts.some((p) => p.subgraph === 'offers' && p.status === 'FAILED' && p.nextAttemptAt === null && p.attempts === 3));
    await harness.dataSource.query(
      `UPDATE consent.subject_request_part SET status = 'RUNNING', updated_at = now() - $2::int * interval '1 millisecond' WHERE request_id = $1 AND subgraph = 'offers'`,
      [r.id, agoMs],
    );
    expect((await get(r.id)).status).not.toBe('DONE');
    return r.id;
  };

  /** A second consent app over the same database, as a restarted process, whose peers answer; waits until `id` is DONE. */
  const restartUntilDone = async (id: string, ms: number) => {
    const restarted = await consentSubgraph.createApp(harness.dataSource, {
      callerSigningKey: TEST_SIGNING_KEY,
      production: false,
      privacy: { consentDecider: allowAllDecider, disclosureRecorder: new RecordingDisclosureRecorder() },
      peers: new FakePeers(),
    });
    try {
      await until(async () => (await get(id)).status === 'DONE', ms);
      expect((await get(id)).parts.find((p) => p.subgraph === 'offers')).toMatchObject({ status: 'DONE', attempts: 4, reason: null });
    } finally {
      await restarted.apollo.stop();
      peers.failFor('offers', 0);
    }
  };

  it('a restarted consent service resumes a request whose attempt died with the previous process', async () => {
    await restartUntilDone(await interruptedErasure(3_600_000), 5_000);
  });

  it('a consent service restarted within the lease of an interrupted attempt resumes it when the lease runs out', async () => {
    // The lease runs out 1.5 s from now, after the restarted app has started: it must wait for it, not give up.
    await restartUntilDone(await interruptedErasure(ABANDONED_AFTER_MS - 1500), 10_000);
  });

  it('builds the access document from every subgraph, and an erasure removes it', async () => {
    const customerId = randomUUID();
    const self: Caller = { clientId: 'privacy-centre', kind: CallerKind.CUSTOMER, scopes: ['customers.pii:read'], purpose: 'SERVICE', customerId };
    const access = (await run<{ requestDataAccess: Request }>(REQUEST_ACCESS, { customerId }, self)).data!.requestDataAccess;
    expect(access.status).toBe('DONE');
    expect(Object.keys(access.accessDocument!.subgraphs).sort()).toEqual(['consent', 'customers', 'offers', 'transactions']);
    expect(access.accessDocument!.subgraphs.offers).toEqual({ from: 'offers' });
    expect(access.accessDocument!.subgraphs.consent).toMatchObject({ consentHistory: [], disclosures: [] });

    await run(REQUEST_ERASURE, { customerId }, self);
    expect((await get(access.id)).accessDocument).toBeNull();
    const [{ n }]: { n: number }[] = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM consent.subject_request_part p JOIN consent.subject_request r ON r.id = p.request_id WHERE r.customer_id = $1 AND r.kind = 'ACCESS' AND p.result IS NOT NULL`,
      [customerId],
    );
    expect(n).toBe(0);
  });

  const storedExports = async (customerId: string) => {
    const [{ n }]: { n: number }[] = await harness.dataSource.query(
      `SELECT (count(*) FILTER (WHERE r.access_document IS NOT NULL) + count(p.result))::int AS n
       FROM consent.subject_request r LEFT JOIN consent.subject_request_part p ON p.request_id = r.id
       WHERE r.customer_id = $1 AND r.kind = 'ACCESS'`,
      [customerId],
    );
    return n;
  };

  const selfOf = (customerId: string): Caller => ({ clientId: 'privacy-centre', kind: CallerKind.CUSTOMER, scopes: ['customers.pii:read'], purpose: 'SERVICE', customerId });

  it('keeps no access document whose exports were taken before an erasure that overlapped it', async () => {
    const customerId = randomUUID();
    const customersExport = peers.holdExport('customers');
    const access = run<{ requestDataAccess: Request }>(REQUEST_ACCESS, { customerId }, selfOf(customerId));
    await customersExport.arrived;

    const erasure = (await run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId })).data!.requestErasure;
    expect(erasure.status).toBe('DONE');
    customersExport.release();

    const late = await access;
    expect(late.errors).toBeUndefined();
    expect(late.data!.requestDataAccess).toMatchObject({ status: 'DONE', accessDocument: null });
    expect(await storedExports(customerId)).toBe(0);
  });

  it('keeps no access document made while an erasure of the customer is unfinished, and one made afterwards', async () => {
    const customerId = randomUUID();
    peers.failFor('transactions', 3);
    const erasure = (await run<{ requestErasure: Request }>(REQUEST_ERASURE, { customerId })).data!.requestErasure;
    await until(async () => (await get(erasure.id)).parts.some((p) => p.subgraph === 'transactions' && p.status === 'FAILED' && p.attempts === 3 && p.nextAttemptAt === null));

    const during = await run<{ requestDataAccess: Request }>(REQUEST_ACCESS, { customerId }, selfOf(customerId));
    expect(during.errors).toBeUndefined();
    expect(during.data!.requestDataAccess).toMatchObject({ status: 'DONE', accessDocument: null });
    expect(await storedExports(customerId)).toBe(0);

    const resumed = await run<{ resumeDataSubjectRequest: Request }>(`mutation R($id: ID!) { resumeDataSubjectRequest(id: $id) { status } }`, { id: erasure.id });
    expect(resumed.data!.resumeDataSubjectRequest.status).toBe('DONE');
    const after = (await run<{ requestDataAccess: Request }>(REQUEST_ACCESS, { customerId }, selfOf(customerId))).data!.requestDataAccess;
    expect(after.accessDocument!.subgraphs.consent).toMatchObject({ consentHistory: [], disclosures: [] });
  });

  it('completes a request once: a second completion (another replica) changes nothing', async () => {
    const customerId = randomUUID();
    const repository = new SubjectRequestRepository(harness.dataSource);
    const accessDocument = async (id: string) => (await repository.find([id]))[0].accessDocument;
    const access = (await run<{ requestDataAccess: Request }>(REQUEST_ACCESS, { customerId }, selfOf(customerId))).data!.requestDataAccess;
    const [done] = await repository.find([access.id]);
    expect(await repository.complete(done, { format: 'late', subgraphs: {} }, new Date())).toBe(false);
    expect((await repository.find([access.id]))[0]).toEqual(done);
    expect(await accessDocument(access.id)).toEqual(access.accessDocument);

    // An erasure that does complete still removes the customer's access documents...
    const erasure = { id: randomUUID(), customerId, kind: DataSubjectRequestKind.ERASURE, requestedBy: 'test', requestedAt: new Date() };
    await repository.createUnlessUnfinished(erasure, []);
    const [erasureRow] = await repository.find([erasure.id]);
    expect(await repository.complete(erasureRow, null, new Date())).toBe(true);
    expect(await accessDocument(access.id)).toBeNull();

    // ...but completing it again removes none made after it was done.
    const after = (await run<{ requestDataAccess: Request }>(REQUEST_ACCESS, { customerId }, selfOf(customerId))).data!.requestDataAccess;
    expect(after.accessDocument).not.toBeNull();
    expect(await repository.complete(erasureRow, null, new Date())).toBe(false);
    expect(await accessDocument(after.id)).toEqual(after.accessDocument);
  });

  it('lets a customer whose token carries their id in upper case ask for their own data', async () => {
    // Who may ask only; whether the document's fields are released is the consent decision's call.
    const customerId = randomUUID();
    const caller = selfOf(customerId.toUpperCase());
    const r = await run<{ requestDataAccess: Request }>(`mutation A($customerId: ID!) { requestDataAccess(customerId: $customerId) { id status } }`, { customerId }, caller);
    expect(r.errors).toBeUndefined();
    expect(r.data!.requestDataAccess.status).toBe('DONE');
    const mine = await run<{ dataSubjectRequest: Request | null }>(`query G($id: ID!) { dataSubjectRequest(id: $id) { id } }`, { id: r.data!.requestDataAccess.id }, caller);
    expect(mine.data!.dataSubjectRequest?.id).toBe(r.data!.requestDataAccess.id);
    const list = await run<{ dataSubjectRequests: Request[] }>(`query L($customerId: ID!) { dataSubjectRequests(customerId: $customerId) { id } }`, { customerId }, caller);
    expect(list.data!.dataSubjectRequests.map((x) => x.id)).toEqual([r.data!.requestDataAccess.id]);
  });

  // Needs a second connection, which only PostgreSQL has: an erasure waits for a grant appended
  // concurrently, and withdraws it too.
  (process.env.DATABASE_URL ? it : it.skip)('an erasure also withdraws a grant committed while it was starting', async () => {
    const customerId = randomUUID();
    const grant = harness.dataSource.createQueryRunner();
    await grant.connect();
    try {
      await grant.startTransaction();
      await appendChainedEvents(grant.manager, [
        { id: randomUUID(), customer_id: customerId, purpose_code: 'MARKETING', partner_id: null, status: 'GRANTED', notice_version: null, channel: 'API', client_id: 'test', recorded_at: new Date().toISOString() },
      ]);
      let finished = false;
      const withdrawn = new ConsentSubjectDataRepository(harness.dataSource).withdrawConsentsInForce(customerId, 'test', new Date()).finally(() => (finished = true));
      // Commit the grant once the erasure waits for the ledger (or has, wrongly, not waited at all).
      const waiting = async () => (await harness.dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0].n > 0;
      await until(async () => finished || (await waiting()));
      await grant.commitTransaction();
      expect((await withdrawn).withdrawn).toBe(1);
    } finally {
      if (grant.isTransactionActive) await grant.rollbackTransaction();
      await grant.release();
    }
    const [latest]: { status: string }[] = await harness.dataSource.query(
      `SELECT status FROM consent.consent_event WHERE customer_id = $1 AND purpose_code = 'MARKETING' ORDER BY seq DESC LIMIT 1`,
      [customerId],
    );
    expect(latest.status).toBe('WITHDRAWN');
  });

  it('refuses a self-service caller for another customer, and staff without privacy:admin', async () => {
    const self: Caller = { clientId: 'privacy-centre', kind: CallerKind.CUSTOMER, scopes: [], purpose: 'SERVICE', customerId: randomUUID() };
    for (const caller of [self, internalCaller()]) {
      const r = await run(REQUEST_ACCESS, { customerId: randomUUID() }, caller);
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
