import { randomUUID } from 'node:crypto';
import { CallerKind } from '@c360/shared';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';

const MATCHES = `query M($conditions: [ConsentSegmentCondition!]!) { consentSegmentMatches(conditions: $conditions) }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { status } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { status } }`;

const granted = (values: string[], partnerId: string | null = null) => ({ field: 'CONSENT_GRANTED', operator: values.length > 1 ? 'IN' : 'EQ', values, partnerId });
const sorted = (ids: string[]) => [...ids].sort();

describe(`consent segment conditions on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const [marketer, withdrawn, profiled, partnered] = Array.from({ length: 4 }, () => randomUUID());

  const run = async (document: string, input: Record<string, unknown>) => {
    const result = await harness.execute(document, { input } as never);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  const matches = async (...conditions: ReturnType<typeof granted>[]) => {
    const result = await harness.execute<{ consentSegmentMatches: string[][] }>(MATCHES, { conditions } as never);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.consentSegmentMatches.map(sorted);
  };
  const among = (sets: string[][], ids: string[]) => sets.map((set) => set.filter((id) => ids.includes(id)));

  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
    await consentSubgraph.seedDemoData!(harness.dataSource, { seed: 7, customers: 5 });
    await run(GRANT, { customerId: marketer, purposeCode: 'MARKETING', channel: 'WEB' });
    await run(GRANT, { customerId: withdrawn, purposeCode: 'MARKETING', channel: 'WEB' });
    await run(WITHDRAW, { customerId: withdrawn, purposeCode: 'MARKETING', channel: 'WEB' });
    await run(GRANT, { customerId: profiled, purposeCode: 'PROFILING', channel: 'EMAIL' });
    await run(GRANT, { customerId: partnered, purposeCode: 'PARTNER_SHARING', partnerId: 'partner-city-bank', channel: 'WEB' });
  });
  afterAll(() => harness.close());

  const ours = [marketer, withdrawn, profiled, partnered];

  it('matches customers whose latest event for the purpose is a grant, one list per condition', async () => {
    expect(among(await matches(granted(['MARKETING']), granted(['marketing', 'PROFILING'])), ours)).toEqual([[marketer], sorted([marketer, profiled])]);
  });

  it('matches partner sharing only for the named partner', async () => {
    expect(among(await matches(granted(['PARTNER_SHARING'], 'partner-city-bank'), granted(['PARTNER_SHARING'], 'partner-nordic-travel'), granted(['PARTNER_SHARING'])), ours)).toEqual([[partnered], [], []]);
  });

  it('follows the ledger: a withdrawal leaves the set at once', async () => {
    await run(WITHDRAW, { customerId: profiled, purposeCode: 'PROFILING', channel: 'EMAIL' });
    expect(among(await matches(granted(['PROFILING'])), ours)).toEqual([[]]);
  });

  it('matches nobody for an unknown purpose, and rejects conditions it does not own', async () => {
    expect(await matches(granted(['NO_SUCH_PURPOSE']))).toEqual([[]]);
    const notOurs = await harness.execute(MATCHES, { conditions: [{ field: 'FREQUENCY', operator: 'GT', values: ['1'] }] } as never);
    expect(notOurs.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SEGMENT_RULE', rulePath: 'conditions[0].field' });
  });

  it('refuses self-service callers', async () => {
    const result = await harness.execute(MATCHES, { conditions: [granted(['MARKETING'])] } as never, internalCaller({ kind: CallerKind.CUSTOMER, customerId: marketer }));
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
