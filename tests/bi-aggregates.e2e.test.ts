import { CallerKind } from '@c360/shared';
import { noNoise, storageLabel } from '@c360/shared/testing';
import { BiRowsAttemptDocument, CreateCustomerDocument, CustomerCountsByCountryDocument, GrantConsentDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

describe(`BI callers through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let bi: Record<string, string>;

  beforeAll(async () => {
    // k and the analytics population are checked on exact figures; noise, windows and budgets: aggregate-release.e2e.
    platform = await startTestPlatform({ demo: { seed: 9, customers: 20 }, aggregateNoise: noNoise });
    bi = await platform.tokens.headers(CallerKind.BI);
  });
  afterAll(() => platform.close());

  const icelanders = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, { input: { givenName: `Is${i}`, acquisitionChannel: 'WEB', address: { city: 'Reykjavik', countryCode: 'IS' } } }, platform.internal);
      ids.push(r.data!.createCustomer.id);
    }
    return ids;
  };
  const icelandBucket = async () => (await postGraphQL(platform.gatewayUrl, CustomerCountsByCountryDocument, {}, bi)).data!.customerCounts!.buckets.find((b) => b.key === 'IS');

  it('get aggregates, never rows', async () => {
    const rows = await postGraphQL(platform.gatewayUrl, BiRowsAttemptDocument, {}, bi);
    expect(rows.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const counts = await postGraphQL(platform.gatewayUrl, CustomerCountsByCountryDocument, {}, bi);
    expect(counts.errors).toBeUndefined();
    expect(counts.data!.customerCounts!.minimumGroupSize).toBe(10);
    expect(counts.data!.customerCounts!.buckets.every((b) => b.customers >= 10)).toBe(true);
  });

  it('count only customers whose consent covers analytics, and suppress groups smaller than k', async () => {
    const ids = await icelanders(12);
    expect(await icelandBucket()).toBeUndefined(); // nobody consented yet
    for (const customerId of ids.slice(0, 9)) {
      await postGraphQL(platform.gatewayUrl, GrantConsentDocument, { input: { customerId, purposeCode: 'ANALYTICS', channel: 'WEB' } }, platform.internal);
    }
    expect(await icelandBucket()).toBeUndefined(); // 9 < k: suppressed, key absent
    await postGraphQL(platform.gatewayUrl, GrantConsentDocument, { input: { customerId: ids[9], purposeCode: 'ANALYTICS', channel: 'WEB' } }, platform.internal);
    expect(await icelandBucket()).toEqual({ key: 'IS', customers: 10 }); // the 2 without consent are not counted
  });
});
