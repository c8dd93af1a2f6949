import { randomUUID } from 'node:crypto';
import { CallerKind, demoCustomerId, statementCounter } from '@c360/shared';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';
import { demoConsentLedger } from '../src/demo/demo-ledger';

const DEMO = { seed: 7, customers: 60 };

const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { status noticeVersion channel purpose { code } partner { id } } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { status noticeVersion purpose { code } partner { id } } }`;
const DENY = `mutation($input: RecordConsentDenialInput!) { recordConsentDenial(input: $input) { status noticeVersion } }`;
const CUSTOMER_CONSENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer {
  consents { purpose { code } partner { id } status noticeVersion channel }
  consentHistory(first: 10) { totalCount edges { node { purpose { code } partner { id } status clientId } } }
} } }`;

interface ConsentRow {
  purpose: { code: string };
  partner: { id: string } | null;
  status: string;
  noticeVersion: number | null;
  channel: string;
}
interface CustomerConsents {
  _entities: { consents: ConsentRow[]; consentHistory: { totalCount: number; edges: { node: { purpose: { code: string }; partner: { id: string } | null; status: string; clientId: string } }[] } }[];
}

describe(`consent subgraph on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
    await consentSubgraph.seedDemoData!(harness.dataSource, DEMO);
  });
  afterAll(() => harness.close());

  const run = (document: string, input: Record<string, unknown>, caller = internalCaller()) => harness.execute<Record<string, unknown>, { input: Record<string, unknown> }>(document, { input }, caller);
  const consentsOf = async (customerId: string) => {
    const result = await harness.execute<CustomerConsents>(CUSTOMER_CONSENTS, { r: [{ __typename: 'Customer', id: customerId }] } as never);
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0];
  };
  const eventCount = async () => (await harness.dataSource.query('SELECT count(*)::int AS n FROM consent.consent_event'))[0].n as number;

  it('lists purposes with their legal basis, consent requirement and current notice', async () => {
    const result = await harness.execute<{ purposes: { code: string; name: string; legalBasis: string; requiresConsent: boolean; currentNotice: { version: number } | null }[] }>(
      `{ purposes { code name legalBasis requiresConsent currentNotice { version } } }`,
    );
    const byCode = Object.fromEntries(result.data!.purposes.map((p) => [p.code, p]));
    expect(Object.keys(byCode).sort()).toEqual(['ANALYTICS', 'FRAUD_PREVENTION', 'MARKETING', 'PARTNER_SHARING', 'PERSONALISATION', 'PROFILING', 'SERVICE']);
    expect(byCode.SERVICE).toMatchObject({ name: 'Service delivery', legalBasis: 'CONTRACT', requiresConsent: false, currentNotice: null });
    expect(byCode.FRAUD_PREVENTION).toMatchObject({ legalBasis: 'LEGITIMATE_INTEREST', requiresConsent: false });
    expect(byCode.MARKETING).toMatchObject({ legalBasis: 'CONSENT', requiresConsent: true, currentNotice: { version: 2 } });
    expect(byCode.ANALYTICS.currentNotice).toEqual({ version: 1 });
  });

  it('returns one purpose with its notice history, newest first', async () => {
    const result = await harness.execute<{ purpose: { code: string; notices: { purposeCode: string; version: number; title: string }[] } }>(
      `{ purpose(code: "MARKETING") { code notices { purposeCode version title } } }`,
    );
    expect(result.data!.purpose.notices.map((n) => [n.purposeCode, n.version])).toEqual([['MARKETING', 2], ['MARKETING', 1]]);
    const missing = await harness.execute<{ purpose: unknown }>(`{ purpose(code: "NOPE") { code } }`);
    expect(missing.data!.purpose).toBeNull();
  });

  it('publishes the next notice version, which new grants then default to', async () => {
    const published = await run(`mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { purposeCode version title } }`, {
      purposeCode: 'PROFILING',
      title: 'Profiling v2',
      summary: 'Now with churn scores.',
    }, internalCaller({ scopes: [...internalCaller().scopes, 'privacy:admin'] }));
    expect(published.data!.publishNotice).toEqual({ purposeCode: 'PROFILING', version: 2, title: 'Profiling v2' });
    const granted = await run(GRANT, { customerId: randomUUID(), purposeCode: 'PROFILING', channel: 'WEB' });
    expect(granted.data!.grantConsent).toMatchObject({ noticeVersion: 2 });
  });

  it('lists partners and resolves Partner references', async () => {
    const list = await harness.execute<{ partners: { id: string; name: string; active: boolean }[] }>(`{ partners { id name active } }`);
    expect(list.data!.partners.map((p) => p.id).sort()).toEqual(['partner-city-bank', 'partner-green-energy', 'partner-nordic-travel']);
    const one = await harness.execute<{ partner: { name: string; description: string } }>(`{ partner(id: "partner-nordic-travel") { name description } }`);
    expect(one.data!.partner.name).toBe('Nordic Travel Club');
    const refs = await harness.execute<{ _entities: ({ name: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { name } } }`,
      { r: [{ __typename: 'Partner', id: 'partner-city-bank' }, { __typename: 'Partner', id: 'partner-unknown' }] } as never,
    );
    expect(refs.data!._entities).toEqual([{ name: 'City Bank Rewards' }, null]);
  });

  it('grant then withdraw changes the current consent and appends two events, newest first', async () => {
    const customerId = randomUUID();
    const granted = await run(GRANT, { customerId, purposeCode: 'MARKETING', channel: 'WEB' });
    expect(granted.data!.grantConsent).toEqual({ status: 'GRANTED', noticeVersion: 2, channel: 'WEB', purpose: { code: 'MARKETING' }, partner: null });
    expect((await consentsOf(customerId)).consents).toEqual([{ purpose: { code: 'MARKETING' }, partner: null, status: 'GRANTED', noticeVersion: 2, channel: 'WEB' }]);

    const withdrawn = await run(WITHDRAW, { customerId, purposeCode: 'MARKETING', channel: 'MOBILE' });
    expect(withdrawn.data!.withdrawConsent).toMatchObject({ status: 'WITHDRAWN', noticeVersion: null });

    const after = await consentsOf(customerId);
    expect(after.consents).toEqual([{ purpose: { code: 'MARKETING' }, partner: null, status: 'WITHDRAWN', noticeVersion: null, channel: 'MOBILE' }]);
    expect(after.consentHistory.totalCount).toBe(2);
    expect(after.consentHistory.edges.map((e) => e.node.status)).toEqual(['WITHDRAWN', 'GRANTED']);
  });

  it('keeps partner-scoped consents separate per partner', async () => {
    const customerId = randomUUID();
    await run(GRANT, { customerId, purposeCode: 'PARTNER_SHARING', partnerId: 'partner-nordic-travel', channel: 'WEB' });
    await run(GRANT, { customerId, purposeCode: 'PARTNER_SHARING', partnerId: 'partner-city-bank', channel: 'WEB' });
    await run(WITHDRAW, { customerId, purposeCode: 'PARTNER_SHARING', partnerId: 'partner-nordic-travel', channel: 'WEB' });
    const { consents } = await consentsOf(customerId);
    expect(consents.map((c) => [c.partner?.id, c.status]).sort()).toEqual([
      ['partner-city-bank', 'GRANTED'],
      ['partner-nordic-travel', 'WITHDRAWN'],
    ]);
  });

  it('records a denial with the current notice version', async () => {
    const customerId = randomUUID();
    const denied = await run(DENY, { customerId, purposeCode: 'ANALYTICS', channel: 'STORE' });
    expect(denied.data!.recordConsentDenial).toEqual({ status: 'DENIED', noticeVersion: 1 });
    expect((await consentsOf(customerId)).consents.map((c) => c.status)).toEqual(['DENIED']);
  });

  it('records a withdrawal that was never granted', async () => {
    const customerId = randomUUID();
    const result = await run(WITHDRAW, { customerId, purposeCode: 'PERSONALISATION', channel: 'EMAIL' });
    expect(result.errors).toBeUndefined();
    expect((await consentsOf(customerId)).consentHistory.totalCount).toBe(1);
  });

  describe('refuses invalid decisions with BAD_USER_INPUT and writes nothing', () => {
    beforeAll(async () => {
      await harness.dataSource.query(`INSERT INTO consent.partner (id, name, active, created_at) VALUES ('partner-gone', 'Gone Ltd', false, '2024-01-01') ON CONFLICT DO NOTHING`);
    });

    it.each([
      ['an unknown purpose', GRANT, { purposeCode: 'TELEPATHY' }],
      ['a CONTRACT purpose', GRANT, { purposeCode: 'SERVICE' }],
      ['withdrawing a LEGITIMATE_INTEREST purpose', WITHDRAW, { purposeCode: 'FRAUD_PREVENTION' }],
      ['partner sharing without a partner', GRANT, { purposeCode: 'PARTNER_SHARING' }],
      ['an unknown partner', GRANT, { purposeCode: 'PARTNER_SHARING', partnerId: 'partner-nobody' }],
      ['an inactive partner', GRANT, { purposeCode: 'PARTNER_SHARING', partnerId: 'partner-gone' }],
      ['a partner for a purpose without partners', GRANT, { purposeCode: 'MARKETING', partnerId: 'partner-city-bank' }],
      ['a notice version that does not exist', GRANT, { purposeCode: 'MARKETING', noticeVersion: 9 }],
      ['a customer id that is not a UUID', GRANT, { purposeCode: 'MARKETING', customerId: 'c-42' }],
    ])('%s', async (_case, document, fields) => {
      const before = await eventCount();
      const result = await run(document, { customerId: randomUUID(), channel: 'WEB', ...fields });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await eventCount()).toBe(before);
    });

    // Any customer may send these (grantConsent is self-service): the error names the field, never the value.
    it.each([
      ['an unknown partner', { purposeCode: 'PARTNER_SHARING', partnerId: 'partner-zq-private-91' }, 'partner-zq-private-91'],
      ['an inactive partner', { purposeCode: 'PARTNER_SHARING', partnerId: 'partner-gone' }, 'partner-gone'],
      ['a notice version that does not exist', { purposeCode: 'MARKETING', noticeVersion: 987654 }, '987654'],
    ])('%s is refused without echoing the value sent', async (_case, fields, sent) => {
      const self = randomUUID();
      const caller = internalCaller({ kind: CallerKind.CUSTOMER, clientId: 'privacy-centre', customerId: self });
      const result = await run(GRANT, { customerId: self, channel: 'WEB', ...fields }, caller);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(result.errors)).not.toContain(sent);
    });

    it('still lets a customer withdraw from an inactive partner', async () => {
      const result = await run(WITHDRAW, { customerId: randomUUID(), purposeCode: 'PARTNER_SHARING', partnerId: 'partner-gone', channel: 'WEB' });
      expect(result.data!.withdrawConsent).toMatchObject({ status: 'WITHDRAWN', partner: { id: 'partner-gone' } });
    });
  });

  it('records the calling client id from the verified caller', async () => {
    const customerId = randomUUID();
    await run(GRANT, { customerId, purposeCode: 'ANALYTICS', channel: 'API' }, internalCaller({ clientId: 'privacy-centre-web' }));
    expect((await consentsOf(customerId)).consentHistory.edges[0].node.clientId).toBe('privacy-centre-web');
    const [row] = await harness.dataSource.query('SELECT client_id FROM consent.consent_event WHERE customer_id = $1', [customerId]);
    expect(row.client_id).toBe('privacy-centre-web');
  });

  it('lets a self-service customer record decisions only for themself', async () => {
    const self = randomUUID();
    const caller = internalCaller({ kind: CallerKind.CUSTOMER, clientId: 'privacy-centre', customerId: self });
    const own = await run(WITHDRAW, { customerId: self, purposeCode: 'MARKETING', channel: 'WEB' }, caller);
    expect(own.errors).toBeUndefined();
    const other = await run(WITHDRAW, { customerId: randomUUID(), purposeCode: 'MARKETING', channel: 'WEB' }, caller);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('pages through the consent history with cursors', async () => {
    const customerId = randomUUID();
    for (const purposeCode of ['MARKETING', 'ANALYTICS', 'PROFILING']) await run(GRANT, { customerId, purposeCode, channel: 'WEB' });
    const page = (after: string | null) =>
      harness.execute<{ _entities: { consentHistory: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { purpose: { code: string } } }[] } }[] }>(
        `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Customer { consentHistory(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { purpose { code } } } } } } }`,
        { r: [{ __typename: 'Customer', id: customerId }], after } as never,
      );
    const first = (await page(null)).data!._entities[0].consentHistory;
    expect(first.edges.map((e) => e.node.purpose.code)).toEqual(['PROFILING', 'ANALYTICS']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor)).data!._entities[0].consentHistory;
    expect(second.edges.map((e) => e.node.purpose.code)).toEqual(['MARKETING']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['UPDATE', `UPDATE consent.consent_event SET status = 'GRANTED'`],
    ['DELETE', `DELETE FROM consent.consent_event`],
    ['TRUNCATE', `TRUNCATE consent.consent_event`],
  ])('the database refuses %s on the ledger', async (_op, sql) => {
    const before = await eventCount();
    await expect(harness.dataSource.query(sql)).rejects.toThrow(/append-only/);
    expect(await eventCount()).toBe(before);
  });

  it('costs the same number of statements for 10 and 40 customers', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { consents { purpose { code } partner { id } status } } } }`;
    const countFor = async (n: number) => {
      const r = Array.from({ length: n }, (_, i) => ({ __typename: 'Customer', id: demoCustomerId(DEMO, i) }));
      statementCounter.reset();
      const result = await harness.execute<{ _entities: { consents: ConsentRow[] }[] }>(query, { r } as never);
      expect(result.errors).toBeUndefined();
      // Both lists must reach purposes and partners, or the comparison proves nothing.
      expect(result.data!._entities.some((c) => c.consents.some((consent) => consent.partner))).toBe(true);
      return statementCounter.total();
    };
    const ten = await countFor(10);
    expect(await countFor(40)).toBe(ten);
    expect(ten).toBe(1); // purpose { code } and partner { id } are keys the ledger row already holds
  });

  it('looks purposes and partners up (one statement each per batch) only when more than their key is selected', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { consents { purpose { code legalBasis } partner { id name } } } } }`;
    const r = Array.from({ length: 20 }, (_, i) => ({ __typename: 'Customer', id: demoCustomerId(DEMO, i) }));
    statementCounter.reset();
    const result = await harness.execute<{ _entities: { consents: { purpose: { legalBasis: string }; partner: { name: string } | null }[] }[] }>(query, { r } as never);
    expect(result.errors).toBeUndefined();
    const consents = result.data!._entities.flatMap((c) => c.consents);
    expect(consents.every((c) => c.purpose.legalBasis)).toBe(true);
    expect(consents.some((c) => c.partner?.name)).toBe(true);
    expect(statementCounter.total()).toBe(3);
  });

  it('seeds the demo ledger deterministically, exactly once', async () => {
    const expected = demoConsentLedger(DEMO);
    expect(demoConsentLedger(DEMO)).toEqual(expected);
    const demoIds = new Set(Array.from({ length: DEMO.customers }, (_, i) => demoCustomerId(DEMO, i)));
    const rows: { id: string; customer_id: string }[] = await harness.dataSource.query('SELECT id, customer_id FROM consent.consent_event ORDER BY seq');
    expect(rows.filter((r) => demoIds.has(r.customer_id)).map((r) => r.id)).toEqual(expected.map((e) => e.id));
    expect(await consentSubgraph.seedDemoData!(harness.dataSource, DEMO)).toBe(false);
  });

  it('migrates down cleanly (the ledger and its trigger go) and up again', async () => {
    for (let i = 0; i < harness.dataSource.migrations.length; i++) await harness.dataSource.undoLastMigration({ transaction: 'each' });
    const [{ tables }] = await harness.dataSource.query(`SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'consent' AND table_name <> 'migrations'`);
    expect(tables).toBe(0);
    await harness.dataSource.runMigrations({ transaction: 'each' });
    expect(await eventCount()).toBe(0);
  });
});
