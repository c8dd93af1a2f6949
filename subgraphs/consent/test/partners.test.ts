import { randomUUID } from 'node:crypto';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { CallerKind, type Caller } from '@c360/shared';
import { consentSubgraph } from '../src';

const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id name description active } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setPartnerActive(id: $id, active: $active) { id active } }`;
const DECIDE = `query($requests: [ConsentDecisionRequest!]!) { consentDecisions(requests: $requests) { customerId allowed reason } }`;

const admin = internalCaller({ scopes: ['privacy:admin'] });

describe(`partner registry on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const run = <T>(query: string, variables: Record<string, unknown>, caller: Caller = admin) => harness.execute<T, Record<string, unknown>>(query, variables, caller);
  const partnerCount = async () => (await harness.dataSource.query(`SELECT count(*)::int AS n FROM consent.partner`))[0].n as number;

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
    await consentSubgraph.seedDemoData!(harness.dataSource, { seed: 3, customers: 5 });
  });
  afterAll(() => harness.close());

  it('registers an active partner and lists it', async () => {
    const r = await run<{ registerPartner: unknown }>(REGISTER, { input: { id: 'partner-harbour-hotels', name: '  Harbour Hotels ', description: 'Stays' } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.registerPartner).toEqual({ id: 'partner-harbour-hotels', name: 'Harbour Hotels', description: 'Stays', active: true });
    const listed = await run<{ partners: { id: string }[] }>(`{ partners(activeOnly: true) { id } }`, {});
    expect(listed.data!.partners.map((p) => p.id)).toContain('partner-harbour-hotels');
  });

  it('refuses a taken id with CONFLICT, a malformed one with BAD_USER_INPUT, and writes nothing', async () => {
    const before = await partnerCount();
    const taken = await run(REGISTER, { input: { id: 'partner-harbour-hotels', name: 'Again' } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id', reason: 'PARTNER_EXISTS' });
    expect(JSON.stringify(taken.errors)).not.toContain('partner-harbour-hotels'); // never the id sent
    for (const id of ['Partner Upper', 'x', '-leading-hyphen', 'a'.repeat(65)]) {
      const bad = await run(REGISTER, { input: { id, name: 'Bad' } });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await partnerCount()).toBe(before);
  });

  it('is for privacy:admin only', async () => {
    const caller = internalCaller({ scopes: ['customers:read'] });
    const register = await run(REGISTER, { input: { id: 'partner-sneaky', name: 'Sneaky' } }, caller);
    const deactivate = await run(SET_ACTIVE, { id: 'partner-harbour-hotels', active: false }, caller);
    expect([register.errors?.[0].extensions?.code, deactivate.errors?.[0].extensions?.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await partnerCount()).toBeGreaterThan(0);
    expect((await harness.dataSource.query(`SELECT count(*)::int AS n FROM consent.partner WHERE id = 'partner-sneaky'`))[0].n).toBe(0);
  });

  it('answers NOT_FOUND for an unknown partner', async () => {
    const r = await run(SET_ACTIVE, { id: 'partner-nobody', active: false });
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('denies every decision for a deactivated partner despite its grants, and allows again once reactivated', async () => {
    const customerId = randomUUID();
    const grant = await run(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { status } }`, {
      input: { customerId, purposeCode: 'PARTNER_SHARING', partnerId: 'partner-harbour-hotels', channel: 'WEB' },
    }, internalCaller());
    expect(grant.errors).toBeUndefined();
    const partner: Caller = { clientId: 'harbour', kind: CallerKind.PARTNER, scopes: ['customers:read'], purpose: 'PARTNER_SHARING', partnerId: 'partner-harbour-hotels' };
    const decide = async () =>
      (await run<{ consentDecisions: { allowed: boolean; reason: string }[] }>(DECIDE, { requests: [{ customerId, category: 'CONTACT' }] }, partner)).data!.consentDecisions[0];

    expect(await decide()).toMatchObject({ allowed: true, reason: 'CONSENT_GRANTED' });
    await run(SET_ACTIVE, { id: 'partner-harbour-hotels', active: false });
    expect(await decide()).toMatchObject({ allowed: false, reason: 'PARTNER_INACTIVE' });
    await run(SET_ACTIVE, { id: 'partner-harbour-hotels', active: true });
    expect(await decide()).toMatchObject({ allowed: true, reason: 'CONSENT_GRANTED' });
  });
});
