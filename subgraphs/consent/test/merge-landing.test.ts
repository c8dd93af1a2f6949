import { randomUUID } from 'node:crypto';
import { CallerKind } from '@c360/shared';
import { deadlockVictimOnce, internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';
import { ConsentMergeRepository } from '../src/subject-data/consent-merge.repository';

const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { status } }`;
const DEMO = { seed: 3, customers: 5 };

/**
 * A consent word naming a retired id is placed under the ledger lock the merge step holds whole, from
 * this subgraph's own alias: the harness's feed check calls every id live, as a stale existence cache
 * (another replica's) or the customers subgraph before its own last step would.
 */
describe(`consent words naming a retired customer id on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let merges: ConsentMergeRepository;

  const grant = (customerId: string, caller = internalCaller()) =>
    harness.execute<{ grantConsent: { status: string } }, { input: Record<string, unknown> }>(GRANT, { input: { customerId, purposeCode: 'MARKETING', channel: 'WEB' } }, caller);
  /** The latest word per id on MARKETING, as the ledger holds it. */
  const latest = async (customerId: string) =>
    ((await harness.dataSource.query(`SELECT status FROM consent.consent_event WHERE customer_id = $1 AND purpose_code = 'MARKETING' ORDER BY seq DESC LIMIT 1`, [customerId])) as { status: string }[])[0]?.status ?? null;

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
    await consentSubgraph.seedDemoData!(harness.dataSource, DEMO);
    merges = new ConsentMergeRepository(harness.dataSource);
  });
  afterAll(() => harness.close());

  it('a grant after the merge step lands on the survivor (noted, so an unmerge gives it back), never as a live grant on the retired id', async () => {
    const [survivor, retired, mergeId] = [randomUUID(), randomUUID(), randomUUID()];
    await merges.merge(mergeId, survivor, retired, new Date());
    expect((await grant(retired)).errors).toBeUndefined();
    expect(await latest(retired)).toBeNull();
    expect(await latest(survivor)).toBe('GRANTED');
    await merges.unmerge(mergeId, new Date());
    expect(await latest(retired)).toBe('GRANTED');
  });

  it("the retired id's own customer token is refused NOT_FOUND (no alias oracle), and nothing is appended", async () => {
    const [survivor, retired, mergeId] = [randomUUID(), randomUUID(), randomUUID()];
    await merges.merge(mergeId, survivor, retired, new Date());
    const own = internalCaller({ kind: CallerKind.CUSTOMER, customerId: retired, clientId: 'self-service' });
    const result = await grant(retired, own);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(await latest(retired)).toBeNull();
    expect(await latest(survivor)).toBeNull();
  });

  it('a merge step racing many grants leaves no grant in force on the retired id', async () => {
    const [survivor, retired, mergeId] = [randomUUID(), randomUUID(), randomUUID()];
    const results = await Promise.all([grant(retired), grant(retired), merges.merge(mergeId, survivor, retired, new Date()), grant(retired), grant(retired)]);
    await grant(retired);
    for (const r of results) if ('errors' in r) expect(r.errors).toBeUndefined();
    // Words said before the merge stay on the retired id, ended by the merge; none after.
    expect([null, 'WITHDRAWN']).toContain(await latest(retired));
    expect(await latest(survivor)).toBe('GRANTED');
  });

  it("merge and unmerge steps chosen as a deadlock's victim run again whole: each appends its consent events once", async () => {
    const [survivor, retired, mergeId] = [randomUUID(), randomUUID(), randomUUID()];
    expect((await grant(retired)).errors).toBeUndefined();
    const words = async () => ((await harness.dataSource.query(`SELECT status FROM consent.consent_event WHERE customer_id = $1 ORDER BY seq`, [retired])) as { status: string }[]).map((r) => r.status);
    const merging = deadlockVictimOnce(harness.dataSource, /INSERT INTO consent\.merge_consent_event/);
    expect(await new ConsentMergeRepository(merging.dataSource).merge(mergeId, survivor, retired, new Date())).toEqual([
      { table: 'consent.customer_alias', rows: 1 },
      { table: 'consent.consent_event', rows: 1 },
    ]);
    expect(merging.victims()).toBe(1);
    expect(await words()).toEqual(['GRANTED', 'WITHDRAWN']);
    const unmerging = deadlockVictimOnce(harness.dataSource, /DELETE FROM consent\.merge_consent_event/);
    expect(await new ConsentMergeRepository(unmerging.dataSource).unmerge(mergeId, new Date())).toEqual([
      { table: 'consent.customer_alias', rows: 1 },
      { table: 'consent.consent_event', rows: 1 },
    ]);
    expect(unmerging.victims()).toBe(1);
    expect(await words()).toEqual(['GRANTED', 'WITHDRAWN', 'GRANTED']);
  });
});
