import { randomUUID } from 'node:crypto';
import { CallerKind, type Caller } from '@c360/shared';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';

const DEFINE = `mutation($input: DefinePurposeInput!) { definePurpose(input: $input) { code name legalBasis requiresConsent partnerScoped dataCategories currentNotice { version } } }`;
const PUBLISH = `mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { version } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { status noticeVersion } }`;
const DECIDE = `query($requests: [ConsentDecisionRequest!]!) { consentDecisions(requests: $requests) { customerId category allowed reason } }`;

const admin = internalCaller({ scopes: ['privacy:admin'] });
const LOYALTY = { code: 'LOYALTY_PROGRAMME', name: 'Loyalty programme', description: 'Points and member benefits', legalBasis: 'CONSENT', dataCategories: ['CONTACT', 'BEHAVIOURAL'] };

/** A database with its migrations only: what a production deployment starts from (no demo data). */
describe(`purpose catalogue on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const run = <T>(query: string, variables: Record<string, unknown>, caller: Caller = admin) => harness.execute<T, Record<string, unknown>>(query, variables, caller);
  const purposeCount = async () => (await harness.dataSource.query(`SELECT count(*)::int AS n FROM consent.purpose`))[0].n as number;
  const decide = async (caller: Caller, customerId: string, category: string) =>
    (await run<{ consentDecisions: { allowed: boolean; reason: string }[] }>(DECIDE, { requests: [{ customerId, category }] }, caller)).data!.consentDecisions[0];

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
  });
  afterAll(() => harness.close());

  it('starts with the baseline catalogue, so callers are decided without any demo data', async () => {
    const result = await run<{ purposes: { code: string; legalBasis: string; dataCategories: string[] }[] }>(`{ purposes { code legalBasis dataCategories } }`, {});
    const byCode = Object.fromEntries(result.data!.purposes.map((p) => [p.code, p]));
    expect(Object.keys(byCode).sort()).toEqual(['ANALYTICS', 'FRAUD_PREVENTION', 'MARKETING', 'PARTNER_SHARING', 'PERSONALISATION', 'PROFILING', 'SERVICE']);
    expect(byCode.PROFILING).toEqual({ code: 'PROFILING', legalBasis: 'CONSENT', dataCategories: ['FINANCIAL', 'BEHAVIOURAL', 'DEMOGRAPHIC'] });
    expect(await decide(internalCaller({ purpose: 'SERVICE' }), randomUUID(), 'CONTACT')).toMatchObject({ allowed: true, reason: 'LEGAL_BASIS_CONTRACT' });
    expect(await decide(internalCaller({ purpose: 'MARKETING' }), randomUUID(), 'CONTACT')).toMatchObject({ allowed: false, reason: 'NO_CONSENT' });
  });

  it('defines a consent purpose that is granted once its notice is published, and decided by its own categories', async () => {
    const defined = await run<{ definePurpose: unknown }>(DEFINE, { input: LOYALTY });
    expect(defined.errors).toBeUndefined();
    expect(defined.data!.definePurpose).toEqual({
      code: 'LOYALTY_PROGRAMME',
      name: 'Loyalty programme',
      legalBasis: 'CONSENT',
      requiresConsent: true,
      partnerScoped: false,
      dataCategories: ['CONTACT', 'BEHAVIOURAL'],
      currentNotice: null,
    });

    const customerId = randomUUID();
    const grantInput = { input: { customerId, purposeCode: 'LOYALTY_PROGRAMME', channel: 'WEB' } };
    const early = await run(GRANT, grantInput, internalCaller());
    expect(early.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await run(PUBLISH, { input: { purposeCode: 'LOYALTY_PROGRAMME', title: 'Loyalty programme', summary: 'What we do with your points' } });
    expect((await run<{ grantConsent: unknown }>(GRANT, grantInput, internalCaller())).data!.grantConsent).toEqual({ status: 'GRANTED', noticeVersion: 1 });

    const loyaltyApp = internalCaller({ purpose: 'LOYALTY_PROGRAMME' });
    expect(await decide(loyaltyApp, customerId, 'CONTACT')).toMatchObject({ allowed: true, reason: 'CONSENT_GRANTED' });
    expect(await decide(loyaltyApp, customerId, 'LOCATION')).toMatchObject({ allowed: false, reason: 'CATEGORY_NOT_COVERED' });
    expect(await decide(loyaltyApp, randomUUID(), 'CONTACT')).toMatchObject({ allowed: false, reason: 'NO_CONSENT' });
  });

  it('a contract purpose allows exactly its categories, without consent', async () => {
    await run(DEFINE, { input: { code: 'WARRANTY', name: 'Warranty claims', description: 'Handling warranty claims', legalBasis: 'CONTRACT', dataCategories: ['IDENTITY', 'CONTACT'] } });
    const warrantyDesk = internalCaller({ purpose: 'WARRANTY' });
    expect(await decide(warrantyDesk, randomUUID(), 'CONTACT')).toMatchObject({ allowed: true, reason: 'LEGAL_BASIS_CONTRACT' });
    expect(await decide(warrantyDesk, randomUUID(), 'FINANCIAL')).toMatchObject({ allowed: false, reason: 'CATEGORY_NOT_COVERED' });
  });

  it.each([
    ['a taken code', { ...LOYALTY }, 'CONFLICT'],
    ['a lower-case code', { ...LOYALTY, code: 'loyalty' }, 'BAD_USER_INPUT'],
    ['an unknown category', { ...LOYALTY, code: 'NEWSLETTER', dataCategories: ['CONTACT', 'SHOE_SIZE'] }, 'BAD_USER_INPUT'],
    ['no category', { ...LOYALTY, code: 'NEWSLETTER', dataCategories: [] }, 'BAD_USER_INPUT'],
    ['a partner-scoped contract purpose', { ...LOYALTY, code: 'NEWSLETTER', legalBasis: 'CONTRACT', partnerScoped: true }, 'BAD_USER_INPUT'],
  ])('refuses %s and writes nothing', async (_case, input, code) => {
    const before = await purposeCount();
    const result = await run(DEFINE, { input });
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(await purposeCount()).toBe(before);
  });

  it('is for privacy:admin only', async () => {
    for (const caller of [internalCaller({ scopes: ['consent:write'] }), { clientId: 'me', kind: CallerKind.CUSTOMER, scopes: [], purpose: 'SERVICE', customerId: randomUUID() } as Caller]) {
      const result = await run(DEFINE, { input: { ...LOYALTY, code: 'SNEAKY' } }, caller);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await harness.dataSource.query(`SELECT count(*)::int AS n FROM consent.purpose WHERE code = 'SNEAKY'`))[0].n).toBe(0);
  });
});
