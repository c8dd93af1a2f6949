import { createHash, randomUUID } from 'node:crypto';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';
import { CONSENT_ADMIN_SCOPE } from '../src/ledger/consent-admin';

const DEMO = { seed: 11, customers: 40 };
const GENESIS = '0'.repeat(64);
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { eventId } }`;
const VERIFY = `query($id: ID!) { verifyConsentLedger(customerId: $id) { customerId eventsChecked valid firstBrokenEventId reason headHash } }`;
const VERIFY_ALL = `query($limit: Int) { verifyAllConsentLedgers(limit: $limit) { customersChecked eventsChecked brokenCount broken { customerId firstBrokenEventId reason } } }`;

interface Verification {
  customerId: string;
  eventsChecked: number;
  valid: boolean;
  firstBrokenEventId: string | null;
  reason: string | null;
  headHash: string | null;
}
interface LedgerRow {
  id: string;
  seq: string;
  customer_id: string;
  purpose_code: string;
  partner_id: string | null;
  status: string;
  notice_version: number | null;
  channel: string;
  client_id: string;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

const admin = () => internalCaller({ scopes: [...internalCaller().scopes, CONSENT_ADMIN_SCOPE] });

describe(`consent ledger hash chain on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const tampered: string[] = [];

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
    await consentSubgraph.seedDemoData!(harness.dataSource, DEMO);
  });
  afterAll(() => harness.close());

  const grant = async (customerId: string, purposeCode: string, extra: Record<string, unknown> = {}) => {
    const result = await harness.execute<{ grantConsent: { eventId: string } }, { input: Record<string, unknown> }>(GRANT, { input: { customerId, purposeCode, channel: 'WEB', ...extra } });
    expect(result.errors).toBeUndefined();
    return result.data!.grantConsent.eventId;
  };
  const withdraw = async (customerId: string, purposeCode: string) => {
    const result = await harness.execute<{ withdrawConsent: { eventId: string } }, { input: Record<string, unknown> }>(WITHDRAW, { input: { customerId, purposeCode, channel: 'MOBILE' } });
    expect(result.errors).toBeUndefined();
    return result.data!.withdrawConsent.eventId;
  };
  const verify = async (customerId: string) => {
    const result = await harness.execute<{ verifyConsentLedger: Verification }, { id: string }>(VERIFY, { id: customerId });
    expect(result.errors).toBeUndefined();
    return result.data!.verifyConsentLedger;
  };
  const rowsOf = (customerId: string): Promise<LedgerRow[]> => harness.dataSource.query('SELECT * FROM consent.consent_event WHERE customer_id = $1 ORDER BY seq', [customerId]);
  /** Changes the ledger behind the append-only trigger's back, as an attacker with table rights could. */
  const tamper = async (customerId: string, sql: string, params: unknown[]) => {
    tampered.push(customerId);
    await harness.dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE consent.consent_event DISABLE TRIGGER consent_event_append_only');
      await manager.query(sql, params);
      await manager.query('ALTER TABLE consent.consent_event ENABLE TRIGGER consent_event_append_only');
    });
  };
  /** A customer with grant, withdrawal, grant: the middle event is the one to tamper with. */
  const threeEvents = async () => {
    const customerId = randomUUID();
    const ids = [await grant(customerId, 'MARKETING'), await withdraw(customerId, 'MARKETING'), await grant(customerId, 'MARKETING')];
    expect((await verify(customerId)).valid).toBe(true);
    return { customerId, ids };
  };

  it('links every event to the previous event of the same customer, from the genesis hash', async () => {
    const customerId = randomUUID();
    await grant(customerId, 'MARKETING');
    await grant(customerId, 'ANALYTICS');
    await withdraw(customerId, 'MARKETING');
    const rows = await rowsOf(customerId);
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS, rows[0].hash, rows[1].hash]);
    expect(await verify(customerId)).toEqual({ customerId, eventsChecked: 3, valid: true, firstBrokenEventId: null, reason: null, headHash: rows[2].hash });
  });

  it('hashes the documented canonical form with SHA-256', async () => {
    const customerId = randomUUID();
    await grant(customerId, 'PARTNER_SHARING', { partnerId: 'partner-city-bank', noticeVersion: 1 });
    const [row] = await rowsOf(customerId);
    const canonical = JSON.stringify([
      'c360-consent-v1', row.id, customerId, 'PARTNER_SHARING', 'partner-city-bank', 'GRANTED', 1, 'WEB', 'test-internal-app',
      new Date(row.recorded_at).toISOString(), String(row.seq), GENESIS,
    ]);
    expect(row.hash).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('exposes hash and prevHash on ConsentEvent', async () => {
    const customerId = randomUUID();
    await grant(customerId, 'ANALYTICS');
    const result = await harness.execute<{ _entities: { consentHistory: { edges: { node: { hash: string; prevHash: string } }[] } }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { consentHistory { edges { node { hash prevHash } } } } } }`,
      { r: [{ __typename: 'Customer', id: customerId }] } as never,
    );
    const [row] = await rowsOf(customerId);
    expect(result.data!._entities[0].consentHistory.edges[0].node).toEqual({ hash: row.hash, prevHash: GENESIS });
  });

  it('keeps one linear chain when grants for one customer arrive concurrently', async () => {
    const customerId = randomUUID();
    const purposes = ['MARKETING', 'ANALYTICS', 'PROFILING', 'PERSONALISATION', 'MARKETING', 'ANALYTICS', 'PROFILING', 'PERSONALISATION'];
    await Promise.all(purposes.map((purpose) => grant(customerId, purpose)));
    const rows = await rowsOf(customerId);
    expect(rows).toHaveLength(purposes.length);
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS, ...rows.slice(0, -1).map((r) => r.hash)]);
    expect(await verify(customerId)).toMatchObject({ valid: true, eventsChecked: purposes.length });
  });

  it('seeds the demo ledger already chained', async () => {
    const result = await harness.execute<{ verifyAllConsentLedgers: { customersChecked: number; brokenCount: number } }, { limit: number }>(VERIFY_ALL, { limit: 10 }, admin());
    expect(result.errors).toBeUndefined();
    expect(result.data!.verifyAllConsentLedgers.customersChecked).toBeGreaterThan(DEMO.customers / 2);
    expect(result.data!.verifyAllConsentLedgers.brokenCount).toBe(tampered.length);
  });

  it.each([
    ['status', `UPDATE consent.consent_event SET status = 'GRANTED' WHERE id = $1`],
    ['timestamp', `UPDATE consent.consent_event SET recorded_at = recorded_at - interval '1 day' WHERE id = $1`],
  ])('points at exactly the middle event whose %s was changed', async (_what, sql) => {
    const { customerId, ids } = await threeEvents();
    await tamper(customerId, sql, [ids[1]]);
    expect(await verify(customerId)).toMatchObject({ valid: false, eventsChecked: 2, firstBrokenEventId: ids[1], reason: expect.stringMatching(/altered/), headHash: null });
  });

  it('detects a deleted middle event at the event that followed it', async () => {
    const { customerId, ids } = await threeEvents();
    await tamper(customerId, 'DELETE FROM consent.consent_event WHERE id = $1', [ids[1]]);
    expect(await verify(customerId)).toMatchObject({ valid: false, firstBrokenEventId: ids[2], reason: expect.stringMatching(/removed/) });
  });

  it('detects an altered event whose hash was recomputed, at the next link', async () => {
    const { customerId, ids } = await threeEvents();
    const [, middle] = await rowsOf(customerId);
    const forged = { ...middle, status: 'GRANTED' };
    const hash = createHash('sha256')
      .update(JSON.stringify(['c360-consent-v1', forged.id, customerId, forged.purpose_code, null, 'GRANTED', forged.notice_version, forged.channel, forged.client_id, new Date(forged.recorded_at).toISOString(), String(forged.seq), forged.prev_hash]))
      .digest('hex');
    await tamper(customerId, `UPDATE consent.consent_event SET status = 'GRANTED', hash = $2 WHERE id = $1`, [ids[1], hash]);
    expect(await verify(customerId)).toMatchObject({ valid: false, firstBrokenEventId: ids[2], reason: expect.stringMatching(/prev_hash/) });
  });

  it('reports a customer without events as a valid empty chain, and refuses a non-UUID', async () => {
    const customerId = randomUUID();
    expect(await verify(customerId)).toEqual({ customerId, eventsChecked: 0, valid: true, firstBrokenEventId: null, reason: null, headHash: null });
    const bad = await harness.execute(VERIFY, { id: 'c-1' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists exactly the tampered customers in the ledger-wide audit, up to the limit', async () => {
    const result = await harness.execute<{ verifyAllConsentLedgers: { brokenCount: number; broken: { customerId: string }[] } }, { limit: number }>(VERIFY_ALL, { limit: 2 }, admin());
    expect(result.data!.verifyAllConsentLedgers.brokenCount).toBe(tampered.length);
    expect(result.data!.verifyAllConsentLedgers.broken.map((b) => b.customerId)).toEqual([...tampered].sort().slice(0, 2));
  });

  it('refuses the ledger-wide audit without the privacy:admin scope', async () => {
    const result = await harness.execute(VERIFY_ALL, { limit: 10 });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('backfills the same chain when the chaining migration runs over an existing ledger', async () => {
    const before: { id: string; hash: string }[] = await harness.dataSource.query('SELECT id, hash FROM consent.consent_event ORDER BY seq');
    // Undo back to before the chaining migration (later migrations first), then migrate up again.
    const chainIndex = harness.dataSource.migrations.findIndex((m) => m.name?.startsWith('ChainConsentLedger'));
    for (let i = harness.dataSource.migrations.length - 1; i >= chainIndex; i--) await harness.dataSource.undoLastMigration({ transaction: 'each' });
    await harness.dataSource.runMigrations({ transaction: 'each' });
    const after: { id: string; hash: string }[] = await harness.dataSource.query('SELECT id, hash FROM consent.consent_event ORDER BY seq');
    // Tampered chains are re-chained from what is there now, so only untouched customers keep their hashes.
    const untouched = new Set((await harness.dataSource.query('SELECT id FROM consent.consent_event WHERE NOT (customer_id = ANY($1::uuid[]))', [tampered])).map((r: { id: string }) => r.id));
    expect(after.filter((r) => untouched.has(r.id))).toEqual(before.filter((r) => untouched.has(r.id)));
    const audit = await harness.execute<{ verifyAllConsentLedgers: { brokenCount: number } }, { limit: number }>(VERIFY_ALL, { limit: 10 }, admin());
    expect(audit.data!.verifyAllConsentLedgers.brokenCount).toBe(0);
  });
});
