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
  SegmentSizesDocument,
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
    expect(segment.memberCount).toBe(segment.members!.totalCount);
    expect(segment.members!.edges).toHaveLength(segment.memberCount!);
    return segment.members!.edges.map((e) => e.node.id);
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
    for (const segment of demo) expect(await members(segment.id)).toHaveLength(segment.memberCount!);
    const webSignups = async (countryCode: string) =>
      (await gql(postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 1, filter: { countryCode, acquisitionChannel: 'WEB' } as never }, platform.internal))).customers!.totalCount;
    expect(demo.find((s) => s.name === 'Nordic web signups')!.memberCount).toBe((await webSignups('DK')) + (await webSignups('SE')));
  });

  it('lists every segment to a MARKETING staff caller: a segment with a FINANCIAL condition is listed, without any figure derived from it', async () => {
    await buyBook(ki[0]);
    await grant(ki[0], 'PROFILING');
    const spenders = await createSegment('Kiribati spenders', { all: [inKiribati, condition('MONETARY', 'GT', [0])] });
    const aged = await createSegment('Aged 150 or more', condition('AGE', 'GTE', [150]));
    expect(spenders.memberCount).toBeGreaterThan(0); // a leaked figure would show
    const marketing = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'MARKETING' });
    const { data, errors } = await postGraphQL(platform.gatewayUrl, SegmentSizesDocument, {}, marketing);
    expect(data?.segments).not.toBeNull();
    const listed = data!.segments!.edges.map((e) => e.node);
    expect(listed).toHaveLength(data!.segments!.totalCount);
    const spending = listed.find((s) => s.id === spenders.id)!;
    expect(spending).toMatchObject({ name: 'Kiribati spenders', memberCount: null, sizeHistory: null });
    expect(spending.versions.map((v) => v.memberCount)).toEqual([null]);
    // Each withheld figure says why, at its own path; nothing else in the list fails.
    const atSpenders = (errors ?? []).filter((e) => e.path?.[2] === listed.indexOf(spending));
    expect(atSpenders.map((e) => e.path!.slice(4).join('.')).sort()).toEqual(['memberCount', 'sizeHistory', 'versions.0.memberCount']);
    for (const e of atSpenders) expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CATEGORY_NOT_COVERED', category: 'FINANCIAL' });
    expect((errors ?? []).every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    // A segment whose conditions MARKETING may read (DEMOGRAPHIC, by consent) keeps its figures.
    const readable = listed.find((s) => s.id === aged.id)!;
    expect(readable.memberCount).toBe(0);
    expect(readable.sizeHistory).not.toBeNull();
  });

  it('records the size at each evaluation that changes it, and lists that history oldest first', async () => {
    const before = new Date().toISOString();
    const segment = await createSegment('Kiribati personalised', { all: [inKiribati, condition('CONSENT_GRANTED', 'EQ', ['PERSONALISATION'])] });
    await grant(ki[2], 'PERSONALISATION');
    const first = await refresh(segment.id);
    await refresh(segment.id); // unchanged: no new point
    await gql(postGraphQL(platform.gatewayUrl, UpdateSegmentDocument, { id: segment.id, input: { rule: inKiribati as never } }, platform.internal));
    const { segments } = await gql(postGraphQL(platform.gatewayUrl, SegmentSizesDocument, { since: before }, platform.internal));
    const read = segments!.edges.find((e) => e.node.id === segment.id)!.node;
    expect(read.sizeHistory).toEqual({
      withheldVersions: [],
      points: [
        { at: segment.evaluatedAt, version: 1, memberCount: 0 },
        { at: first.evaluatedAt, version: 1, memberCount: 1 },
        { at: read.evaluatedAt, version: 2, memberCount: 3 },
      ],
    });
    // Older than `since`: nothing; the other segments' histories are their own.
    const later = await gql(postGraphQL(platform.gatewayUrl, SegmentSizesDocument, { since: new Date(Date.parse(read.evaluatedAt!) + 1).toISOString() }, platform.internal));
    expect(later.segments!.edges.find((e) => e.node.id === segment.id)!.node.sizeHistory!.points).toEqual([]);
  });

  it('releases a recorded size to a reader who may count only some members only for the purpose it was evaluated for', async () => {
    const marketing = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'MARKETING' });
    const adults = await createSegment('Adults', condition('AGE', 'GTE', [18])); // SERVICE: every birth date counts
    expect(adults.memberCount).toBeGreaterThan(0);
    await gql(postGraphQL(platform.gatewayUrl, UpdateSegmentDocument, { id: adults.id, input: { rule: condition('AGE', 'GTE', [21]) as never } }, marketing));
    const { data, errors } = await postGraphQL(platform.gatewayUrl, SegmentSizesDocument, {}, marketing);
    const read = data!.segments!.edges.find((e) => e.node.id === adults.id)!.node;
    expect(read.versions.map((v) => [v.version, v.purpose])).toEqual([
      [2, 'MARKETING'],
      [1, 'SERVICE'],
    ]);
    // Version 1 counted everyone's age for SERVICE; MARKETING may count only those who consented.
    expect(read.versions[1].memberCount).toBeNull();
    expect(read.versions[0].memberCount).toEqual(expect.any(Number));
    expect(read.sizeHistory!.withheldVersions).toEqual([1]);
    expect(read.sizeHistory!.points.map((p) => p.version)).toEqual([2]);
    expect(read.sizeHistory!.points[0].memberCount).toBe(read.versions[0].memberCount);
    const index = data!.segments!.edges.findIndex((e) => e.node.id === adults.id);
    expect((errors ?? []).filter((e) => e.path?.[2] === index).map((e) => [e.path!.slice(4).join('.'), e.extensions?.reason])).toEqual([['versions.1.memberCount', 'RECORDED_FOR_OTHER_PURPOSE']]);
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
