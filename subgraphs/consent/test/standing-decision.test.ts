import { randomUUID } from 'node:crypto';
import { CallerKind, DEMO_PARTNERS, PersonalDataCategory, statementCounter, type StandingDecision } from '@c360/shared';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';

const STANDING = `query { consentStandingDecision { perCustomer allowedCategories reason deniedReason onlyCustomerId } }`;
const DECISIONS = `query($requests: [ConsentDecisionRequest!]!) { consentDecisions(requests: $requests) { customerId category allowed reason } }`;
const PURPOSE_DECISIONS = `query($requests: [ConsentPurposeDecisionRequest!]!) { consentPurposeDecisions(requests: $requests) { customerId category purpose allowed reason consentRecordId } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { status } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { status } }`;

const ALL = Object.values(PersonalDataCategory);

describe(`standing consent decisions on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
    await consentSubgraph.seedDemoData!(harness.dataSource, { seed: 3, customers: 10 });
  });
  afterAll(() => harness.close());

  const standingOf = async (caller = internalCaller()) => {
    const result = await harness.execute<{ consentStandingDecision: StandingDecision }>(STANDING, {}, caller);
    expect(result.errors).toBeUndefined();
    return result.data!.consentStandingDecision;
  };
  const decide = async (caller: ReturnType<typeof internalCaller>, customerId: string, category: PersonalDataCategory) => {
    const result = await harness.execute<{ consentDecisions: { allowed: boolean; reason: string }[] }>(DECISIONS, { requests: [{ customerId, category }] } as never, caller);
    expect(result.errors).toBeUndefined();
    return result.data!.consentDecisions[0];
  };

  it('a contract purpose decides every customer alike: the categories it covers, no ledger needed', async () => {
    expect(await standingOf(internalCaller({ purpose: 'SERVICE' }))).toEqual({ perCustomer: false, allowedCategories: ALL, reason: 'LEGAL_BASIS_CONTRACT', deniedReason: 'CATEGORY_NOT_COVERED', onlyCustomerId: null });
  });

  it('consent purposes and partners are decided per customer, against the ledger', async () => {
    expect((await standingOf(internalCaller({ purpose: 'MARKETING' }))).perCustomer).toBe(true);
    expect((await standingOf(internalCaller({ kind: CallerKind.PARTNER, partnerId: DEMO_PARTNERS[0].id, purpose: 'SERVICE' }))).perCustomer).toBe(true);
  });

  it('an unknown data category is BAD_USER_INPUT naming the field, not the category sent', async () => {
    const result = await harness.execute(DECISIONS, { requests: [{ customerId: randomUUID(), category: 'ZQ_PRIVATE_CATEGORY_63' }] } as never, internalCaller());
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category', reason: 'UNKNOWN_DATA_CATEGORY' });
    expect(JSON.stringify(result.errors)).not.toContain('ZQ_PRIVATE_CATEGORY_63');
  });

  it('unknown or missing purposes deny everything, with the reason', async () => {
    expect(await standingOf(internalCaller({ purpose: 'NO_SUCH_PURPOSE' }))).toMatchObject({ perCustomer: false, allowedCategories: [], deniedReason: 'UNKNOWN_PURPOSE' });
    expect(await standingOf(internalCaller({ purpose: undefined }))).toMatchObject({ perCustomer: false, allowedCategories: [], deniedReason: 'NO_PURPOSE' });
  });

  it('a self-service customer stands for themself only', async () => {
    const me = randomUUID();
    const caller = internalCaller({ kind: CallerKind.CUSTOMER, customerId: me, purpose: undefined });
    expect(await standingOf(caller)).toMatchObject({ perCustomer: false, onlyCustomerId: me, reason: 'SELF_ACCESS' });
    expect(await decide(caller, randomUUID(), PersonalDataCategory.CONTACT)).toMatchObject({ allowed: false, reason: 'NOT_THIS_CUSTOMER' });
  });

  it('per-customer decisions follow the ledger as it is now: a withdrawal denies the very next decision', async () => {
    const customerId = randomUUID();
    const marketing = internalCaller({ purpose: 'MARKETING' });
    expect(await decide(marketing, customerId, PersonalDataCategory.CONTACT)).toMatchObject({ allowed: false, reason: 'NO_CONSENT' });
    await harness.execute(GRANT, { input: { customerId, purposeCode: 'MARKETING', channel: 'WEB' } } as never);
    expect(await decide(marketing, customerId, PersonalDataCategory.CONTACT)).toMatchObject({ allowed: true, reason: 'CONSENT_GRANTED' });
    await harness.execute(WITHDRAW, { input: { customerId, purposeCode: 'MARKETING', channel: 'WEB' } } as never);
    expect(await decide(marketing, customerId, PersonalDataCategory.CONTACT)).toMatchObject({ allowed: false, reason: 'CONSENT_WITHDRAWN' });
  });

  it('decisions under a standing basis agree with the standing decision', async () => {
    const service = internalCaller({ purpose: 'SERVICE' });
    expect(await decide(service, randomUUID(), PersonalDataCategory.FINANCIAL)).toMatchObject({ allowed: true, reason: 'LEGAL_BASIS_CONTRACT' });
  });

  it('reads the purpose rule and every customer\'s latest event in one statement per batch', async () => {
    const requests = Array.from({ length: 25 }, () => ({ customerId: randomUUID(), category: PersonalDataCategory.CONTACT }));
    statementCounter.reset();
    const result = await harness.execute<{ consentDecisions: { allowed: boolean }[] }>(DECISIONS, { requests } as never, internalCaller({ purpose: 'MARKETING' }));
    expect(result.data!.consentDecisions).toHaveLength(25);
    expect(statementCounter.byService()).toEqual({ consent: 1 });
  });

  describe('several purposes in one exchange', () => {
    const asked = (customerIds: string[]) =>
      customerIds.flatMap((customerId) => [
        { customerId, category: PersonalDataCategory.CONTACT, purpose: 'MARKETING' },
        { customerId, category: PersonalDataCategory.BEHAVIOURAL, purpose: 'PERSONALISATION' },
        { customerId, category: PersonalDataCategory.FINANCIAL, purpose: 'SERVICE' },
        { customerId, category: PersonalDataCategory.CONTACT, purpose: 'NO_SUCH_PURPOSE' },
      ]);

    it('answers each request exactly as the one-purpose decision for that purpose', async () => {
      const granted = randomUUID();
      await harness.execute(GRANT, { input: { customerId: granted, purposeCode: 'MARKETING', channel: 'WEB' } } as never);
      const requests = asked([granted, randomUUID()]);
      const result = await harness.execute<{ consentPurposeDecisions: { customerId: string; category: string; purpose: string; allowed: boolean; reason: string }[] }>(PURPOSE_DECISIONS, { requests } as never, internalCaller({ purpose: undefined }));
      expect(result.errors).toBeUndefined();
      for (const r of requests) {
        const answer = result.data!.consentPurposeDecisions.find((d) => d.customerId === r.customerId && d.purpose === r.purpose)!;
        const single = await decide(internalCaller({ purpose: r.purpose }), r.customerId, r.category);
        expect({ allowed: answer.allowed, reason: answer.reason }).toEqual({ allowed: single.allowed, reason: single.reason });
      }
      expect(result.data!.consentPurposeDecisions.find((d) => d.customerId === granted && d.purpose === 'MARKETING')).toMatchObject({ allowed: true, reason: 'CONSENT_GRANTED' });
    });

    it('reads every purpose in one statement', async () => {
      statementCounter.reset();
      const result = await harness.execute<{ consentPurposeDecisions: unknown[] }>(PURPOSE_DECISIONS, { requests: asked(Array.from({ length: 20 }, () => randomUUID())) } as never, internalCaller({ purpose: undefined }));
      expect(result.data!.consentPurposeDecisions).toHaveLength(80);
      expect(statementCounter.byService()).toEqual({ consent: 1 });
    });

    it('follows the ledger as it is now: a withdrawal denies the very next exchange', async () => {
      const customerId = randomUUID();
      const marketing = [{ customerId, category: PersonalDataCategory.CONTACT, purpose: 'MARKETING' }];
      await harness.execute(GRANT, { input: { customerId, purposeCode: 'MARKETING', channel: 'WEB' } } as never);
      await harness.execute(WITHDRAW, { input: { customerId, purposeCode: 'MARKETING', channel: 'WEB' } } as never);
      const result = await harness.execute<{ consentPurposeDecisions: { allowed: boolean; reason: string }[] }>(PURPOSE_DECISIONS, { requests: marketing } as never, internalCaller({ purpose: undefined }));
      expect(result.data!.consentPurposeDecisions[0]).toMatchObject({ allowed: false, reason: 'CONSENT_WITHDRAWN' });
    });

    it('is answered to internal apps only', async () => {
      const partner = internalCaller({ kind: CallerKind.PARTNER, partnerId: DEMO_PARTNERS[0].id });
      const result = await harness.execute(PURPOSE_DECISIONS, { requests: asked([randomUUID()]) } as never, partner);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
