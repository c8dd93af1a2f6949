import { CallerKind, demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import {
  CreateCustomerDocument,
  CreateSegmentDocument,
  CustomerPageDocument,
  GrantConsentDocument,
  RecordOrderDocument,
  RefreshSegmentDocument,
  SegmentListDocument,
  SegmentMembersDocument,
  UpdateSegmentDocument,
  WithdrawConsentDocument,
} from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

const DEMO = { seed: 11, customers: 10 };
const BOOK = demoProducts(DEMO).find((p) => p.category === 'Books' && p.stockLevel >= 100)!;
const condition = (field: string, operator: string, values: (string | number)[], extra: Record<string, unknown> = {}) => ({ condition: { field, operator, values: values.map(String), ...extra } });
// Customers of this suite live in Kiribati (KI), which the demo data never uses.
const inKiribati = condition('COUNTRY', 'EQ', ['KI']);

describe(`segments through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  const ki: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    for (let i = 0; i < 3; i++) {
      const r = await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, { input: { givenName: `Ki${i}`, acquisitionChannel: 'WEB', address: { countryCode: 'KI' } } }, platform.internal);
      ki.push(r.data!.createCustomer.id);
    }
  });
  afterAll(() => platform.close());

  const gql = async <T>(result: Promise<{ data?: T | null; errors?: unknown }>) => {
    const { data, errors } = await result;
    if (errors) throw new Error(JSON.stringify(errors));
    return data!;
  };
  const createSegment = (name: string, rule: unknown) => gql(postGraphQL(platform.gatewayUrl, CreateSegmentDocument, { input: { name, rule } as never }, platform.internal)).then((d) => d.createSegment);
  const refresh = (id: string) => gql(postGraphQL(platform.gatewayUrl, RefreshSegmentDocument, { id }, platform.internal)).then((d) => d.refreshSegment);
  const members = async (id: string) => {
    const segment = (await gql(postGraphQL(platform.gatewayUrl, SegmentMembersDocument, { id, first: 100 }, platform.internal))).segment!;
    expect(segment.memberCount).toBe(segment.members.totalCount);
    expect(segment.members.edges).toHaveLength(segment.memberCount);
    return segment.members.edges.map((e) => e.node.id);
  };
  const grant = (customerId: string, purposeCode: string) => gql(postGraphQL(platform.gatewayUrl, GrantConsentDocument, { input: { customerId, purposeCode, channel: 'WEB' } }, platform.internal));
  const buyBook = (customerId: string) =>
    gql(
      postGraphQL(
        platform.gatewayUrl,
        RecordOrderDocument,
        { input: { customerId, sourceSystem: 'webshop', externalId: `SEG-${customerId}-${Date.now()}`, channel: 'WEB', currency: BOOK.currency, lines: [{ sku: BOOK.sku, quantity: 1 }] } },
        platform.internal,
      ),
    );

  it('shows a granted consent in membership after refresh', async () => {
    const segment = await createSegment('Kiribati marketing audience', { all: [inKiribati, condition('CONSENT_GRANTED', 'EQ', ['MARKETING'])] });
    expect(segment.memberCount).toBe(0);
    await grant(ki[0], 'MARKETING');
    expect(await members(segment.id)).toEqual([]); // still as evaluated
    expect((await refresh(segment.id)).memberCount).toBe(1);
    expect(await members(segment.id)).toEqual([ki[0]]);
    await gql(postGraphQL(platform.gatewayUrl, WithdrawConsentDocument, { input: { customerId: ki[0], purposeCode: 'MARKETING', channel: 'WEB' } }, platform.internal));
    expect((await refresh(segment.id)).memberCount).toBe(0);
  });

  it('shows a recorded order in purchase membership after refresh, and in value membership only once PROFILING is granted', async () => {
    const bookBuyers = await createSegment('Kiribati book buyers', { all: [inKiribati, condition('PURCHASED_CATEGORY', 'EQ', ['Books'], { withinDays: 30 })] });
    const buyers = await createSegment('Kiribati repeat-ready buyers', { all: [inKiribati, condition('FREQUENCY', 'GTE', [1])] });
    await buyBook(ki[1]);
    expect((await refresh(bookBuyers.id)).memberCount).toBe(1);
    expect(await members(bookBuyers.id)).toEqual([ki[1]]);
    expect((await refresh(buyers.id)).memberCount).toBe(0); // scored, but withheld without PROFILING consent
    await grant(ki[1], 'PROFILING');
    expect((await refresh(buyers.id)).memberCount).toBe(1);
    expect(await members(buyers.id)).toEqual([ki[1]]);
  });

  it('keeps every version and evaluates the new rule', async () => {
    const segment = await createSegment('Kiribati, not book buyers', { all: [inKiribati, { not: condition('PURCHASED_CATEGORY', 'EQ', ['Books']) }] });
    await buyBook(ki[2]);
    const updated = await gql(postGraphQL(platform.gatewayUrl, UpdateSegmentDocument, { id: segment.id, input: { rule: inKiribati as never } }, platform.internal));
    expect(updated.updateSegment.version).toBe(2);
    expect(updated.updateSegment.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(updated.updateSegment.memberCount).toBe(3);
    expect((await members(segment.id)).sort()).toEqual([...ki].sort());
  });

  it('lists the demo segments, evaluated on first read across all three subgraphs', async () => {
    const { segments } = await gql(postGraphQL(platform.gatewayUrl, SegmentListDocument, {}, platform.internal));
    const demo = segments!.edges.map((e) => e.node).filter((s) => ['Nordic web signups', 'Loyal outdoor fans', 'Win-back by email'].includes(s.name));
    expect(demo).toHaveLength(3);
    for (const segment of demo) expect(await members(segment.id)).toHaveLength(segment.memberCount);
    const webSignups = async (countryCode: string) =>
      (await gql(postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 1, filter: { countryCode, acquisitionChannel: 'WEB' } as never }, platform.internal))).customers!.totalCount;
    expect(demo.find((s) => s.name === 'Nordic web signups')!.memberCount).toBe((await webSignups('DK')) + (await webSignups('SE')));
  });

  it('are closed to partners, self-service and BI callers', async () => {
    for (const headers of [
      await platform.tokens.headers(CallerKind.PARTNER, { partner_id: 'partner-city-bank' }),
      await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: ki[0] }),
      await platform.tokens.headers(CallerKind.BI),
    ]) {
      const result = await postGraphQL(platform.gatewayUrl, SegmentListDocument, {}, headers);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.data?.segments ?? null).toBeNull();
    }
  });
});
