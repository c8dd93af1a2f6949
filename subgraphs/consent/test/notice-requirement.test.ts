import { randomUUID } from 'node:crypto';
import { demoCustomerId } from '@c360/shared';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';
import { CONSENT_ADMIN_SCOPE } from '../src/ledger/consent-admin';
import { grantSatisfiesNotice } from '../src/purpose/notice-requirement';

const DEMO = { seed: 5, customers: 80 };
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { noticeVersion satisfiesCurrentNotice } }`;
const REQUIRE = `mutation($code: String!, $version: Int) { requireNoticeVersion(purposeCode: $code, version: $version) { code requiredNoticeVersion } }`;
const CONSENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { consents { purpose { code } status noticeVersion satisfiesCurrentNotice } } } }`;

const admin = () => internalCaller({ scopes: [...internalCaller().scopes, CONSENT_ADMIN_SCOPE] });

describe('grantSatisfiesNotice', () => {
  it.each([
    [1, null, true],
    [null, null, true],
    [1, 2, false],
    [2, 2, true],
    [3, 2, true],
    [null, 2, false],
  ])('grant under %p, required %p: %p', (grant, required, expected) => {
    expect(grantSatisfiesNotice(grant, required)).toBe(expected);
  });
});

describe(`notice requirements on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
    await consentSubgraph.seedDemoData!(harness.dataSource, DEMO);
  });
  afterAll(() => harness.close());

  const grant = async (purposeCode: string, noticeVersion?: number) => {
    const result = await harness.execute<{ grantConsent: { noticeVersion: number; satisfiesCurrentNotice: boolean } }, { input: Record<string, unknown> }>(GRANT, {
      input: { customerId: randomUUID(), purposeCode, channel: 'WEB', noticeVersion },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.grantConsent;
  };
  const requireVersion = (code: string, version: number | null, caller = admin()) =>
    harness.execute<{ requireNoticeVersion: { code: string; requiredNoticeVersion: number | null } }, { code: string; version: number | null }>(REQUIRE, { code, version }, caller);

  it('exposes the required notice version and the data categories of each purpose', async () => {
    const result = await harness.execute<{ purposes: { code: string; requiredNoticeVersion: number | null; dataCategories: string[] }[] }>(`{ purposes { code requiredNoticeVersion dataCategories } }`);
    const byCode = Object.fromEntries(result.data!.purposes.map((p) => [p.code, p]));
    expect(byCode.MARKETING).toEqual({ code: 'MARKETING', requiredNoticeVersion: 2, dataCategories: ['CONTACT', 'IDENTITY', 'DEMOGRAPHIC', 'BEHAVIOURAL'] });
    expect(byCode.ANALYTICS.requiredNoticeVersion).toBeNull();
    expect(byCode.PARTNER_SHARING.dataCategories).toEqual(['IDENTITY', 'CONTACT', 'DEMOGRAPHIC']);
    expect(byCode.SERVICE.dataCategories).toHaveLength(6);
  });

  it('a grant under v1 does not satisfy a purpose that requires v2', async () => {
    expect(await grant('MARKETING', 1)).toEqual({ noticeVersion: 1, satisfiesCurrentNotice: false });
  });

  it('a grant under v2 satisfies it', async () => {
    expect(await grant('MARKETING', 2)).toEqual({ noticeVersion: 2, satisfiesCurrentNotice: true });
  });

  it('any grant satisfies a purpose without a requirement', async () => {
    expect(await grant('ANALYTICS', 1)).toEqual({ noticeVersion: 1, satisfiesCurrentNotice: true });
  });

  it('a withdrawn consent satisfies nothing', async () => {
    const customerId = randomUUID();
    await harness.execute(`mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { status } }`, { input: { customerId, purposeCode: 'ANALYTICS', channel: 'WEB' } } as never);
    const result = await harness.execute<{ _entities: { consents: { satisfiesCurrentNotice: boolean }[] }[] }>(CONSENTS, { r: [{ __typename: 'Customer', id: customerId }] } as never);
    expect(result.data!._entities[0].consents).toEqual([expect.objectContaining({ status: 'WITHDRAWN', satisfiesCurrentNotice: false })]);
  });

  it('leaves some demo MARKETING grants (made under v1) short of the requirement', async () => {
    const r = Array.from({ length: DEMO.customers }, (_, i) => ({ __typename: 'Customer', id: demoCustomerId(DEMO, i) }));
    const result = await harness.execute<{ _entities: { consents: { purpose: { code: string }; status: string; noticeVersion: number; satisfiesCurrentNotice: boolean }[] }[] }>(CONSENTS, { r } as never);
    const marketing = result.data!._entities.flatMap((c) => c.consents).filter((c) => c.purpose.code === 'MARKETING' && c.status === 'GRANTED');
    expect(marketing.filter((c) => c.noticeVersion === 1).every((c) => !c.satisfiesCurrentNotice)).toBe(true);
    expect(marketing.filter((c) => !c.satisfiesCurrentNotice).length).toBeGreaterThan(0);
    expect(marketing.filter((c) => c.satisfiesCurrentNotice).length).toBeGreaterThan(0);
  });

  it('requires a version only from an admin, and only one that was published', async () => {
    expect((await requireVersion('ANALYTICS', 1, internalCaller())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await requireVersion('ANALYTICS', 7)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await requireVersion('TELEPATHY', 1)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [{ required }] = await harness.dataSource.query(`SELECT required_notice_version AS required FROM consent.purpose WHERE code = 'ANALYTICS'`);
    expect(required).toBeNull();
  });

  it('a new requirement applies to existing grants, and lifting it restores them', async () => {
    await harness.execute(`mutation { publishNotice(input: { purposeCode: "PERSONALISATION", title: "v2", summary: "More." }) { version } }`, {}, admin());
    const customerId = randomUUID();
    await harness.execute(GRANT, { input: { customerId, purposeCode: 'PERSONALISATION', channel: 'WEB', noticeVersion: 1 } } as never);
    const satisfied = async () =>
      (await harness.execute<{ _entities: { consents: { satisfiesCurrentNotice: boolean }[] }[] }>(CONSENTS, { r: [{ __typename: 'Customer', id: customerId }] } as never)).data!._entities[0].consents[0].satisfiesCurrentNotice;
    expect((await requireVersion('PERSONALISATION', 2)).data!.requireNoticeVersion).toEqual({ code: 'PERSONALISATION', requiredNoticeVersion: 2 });
    expect(await satisfied()).toBe(false);
    expect((await requireVersion('PERSONALISATION', null)).data!.requireNoticeVersion.requiredNoticeVersion).toBeNull();
    expect(await satisfied()).toBe(true);
  });
});
