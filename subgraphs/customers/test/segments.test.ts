import { CallerKind } from '@c360/shared';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { allMembers, condition, CREATE_SEGMENT, createCustomer, FakeConditionPeers, recordInteraction, REFRESH_SEGMENT, SEGMENT_COUNT, SEGMENT_MEMBERS, UPDATE_SEGMENT, type MembersResult, type SegmentResult } from './segment-fixtures';

const DAY = 86_400_000;
const sorted = (ids: string[]) => [...ids].sort();

describe(`segments on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const peers = new FakeConditionPeers();
  // Customers of this suite live in country TV (Tuvalu), so rules scoped to TV ignore everyone else.
  const c: Record<'ann' | 'bo' | 'cy' | 'di' | 'ed', string> = {} as never;
  const inTv = condition('COUNTRY', 'EQ', ['TV']);

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph, undefined, peers);
    c.ann = await createCustomer(harness, 'Ann', { acquisitionChannel: 'EMAIL', birthDate: '1960-05-01', address: { countryCode: 'TV', region: 'North' } });
    c.bo = await createCustomer(harness, 'Bo', { acquisitionChannel: 'WEB', birthDate: '1995-05-01', address: { countryCode: 'TV', region: 'South' } });
    c.cy = await createCustomer(harness, 'Cy', { acquisitionChannel: 'STORE', address: { countryCode: 'TV', region: 'North' } });
    c.di = await createCustomer(harness, 'Di', { acquisitionChannel: 'WEB', address: { countryCode: 'TV' } });
    c.ed = await createCustomer(harness, 'Ed', { acquisitionChannel: 'WEB', address: { countryCode: 'NR' } });
    await recordInteraction(harness, c.ann, 'EMAIL', new Date(Date.now() - 2 * DAY));
    await recordInteraction(harness, c.ann, 'WEB', new Date(Date.now() - 40 * DAY));
    await recordInteraction(harness, c.bo, 'STORE', new Date(Date.now() - 100 * DAY));
    peers.answer('RFM_SEGMENT', ['CHAMPIONS', 'LOYAL'], [c.ann, c.cy, c.ed]);
    peers.answer('PURCHASED_CATEGORY', ['Books'], [c.bo, c.cy, c.ed]);
    peers.answer('CONSENT_GRANTED', ['MARKETING'], [c.ann, c.bo]);
  });
  afterAll(() => harness.close());

  const create = async (name: string, rule: unknown) => {
    const result = await harness.execute<{ createSegment: SegmentResult }>(CREATE_SEGMENT, { input: { name, rule } } as never);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.createSegment;
  };
  const membersOf = async (rule: unknown) => sorted(await allMembers(harness, (await create(`Segment ${Math.random()}`, rule)).id));

  it('evaluates profile conditions in SQL: country, region, channel, age', async () => {
    expect(await membersOf({ all: [inTv, condition('REGION', 'EQ', ['North'])] })).toEqual(sorted([c.ann, c.cy]));
    expect(await membersOf({ all: [inTv, condition('ACQUISITION_CHANNEL', 'IN', ['EMAIL', 'STORE'])] })).toEqual(sorted([c.ann, c.cy]));
    expect(await membersOf({ all: [inTv, condition('AGE', 'BETWEEN', [25, 40])] })).toEqual([c.bo]);
    expect(await membersOf({ all: [inTv, condition('CUSTOMER_SINCE_DAYS', 'LT', [1])] })).toEqual(sorted([c.ann, c.bo, c.cy, c.di]));
  });

  it('evaluates interaction conditions: count within a window, days since the last one, channel', async () => {
    expect(await membersOf({ all: [inTv, condition('INTERACTION_COUNT', 'GTE', [1], { withinDays: 30 })] })).toEqual([c.ann]);
    expect(await membersOf({ all: [inTv, condition('INTERACTION_COUNT', 'EQ', [0])] })).toEqual(sorted([c.cy, c.di]));
    expect(await membersOf({ all: [inTv, condition('DAYS_SINCE_LAST_INTERACTION', 'GT', [30])] })).toEqual([c.bo]);
    expect(await membersOf({ all: [inTv, condition('INTERACTION_CHANNEL', 'EQ', ['WEB'], { withinDays: 30 })] })).toEqual([]);
    expect(await membersOf({ all: [inTv, condition('INTERACTION_CHANNEL', 'EQ', ['WEB'])] })).toEqual([c.ann]);
  });

  it('combines sets with all, any and not; NOT is every customer minus the set, unknown data included', async () => {
    const champions = condition('RFM_SEGMENT', 'IN', ['CHAMPIONS', 'LOYAL']);
    const books = condition('PURCHASED_CATEGORY', 'EQ', ['Books']);
    const marketing = condition('CONSENT_GRANTED', 'EQ', ['MARKETING']);
    expect(await membersOf({ all: [inTv, champions, books] })).toEqual([c.cy]);
    expect(await membersOf({ all: [inTv, { any: [champions, marketing] }] })).toEqual(sorted([c.ann, c.bo, c.cy]));
    expect(await membersOf({ all: [inTv, { not: { any: [champions, books] } }] })).toEqual([c.di]);
    expect(await membersOf({ all: [inTv, { not: condition('REGION', 'EQ', ['North']) }] })).toEqual(sorted([c.bo, c.di])); // Di has no region
    expect(await membersOf({ any: [{ all: [champions, { not: inTv }] }, { all: [marketing, condition('AGE', 'LT', [40])] }] })).toEqual(sorted([c.ed, c.bo]));
  });

  it("sends each peer its conditions in one batched call, as the request's caller", async () => {
    peers.calls.length = 0;
    await create('Batched', { any: [condition('RFM_SEGMENT', 'EQ', ['LOST']), condition('MONETARY', 'GT', [100]), condition('CONSENT_GRANTED', 'EQ', ['PROFILING']), inTv] });
    expect(peers.calls.map((call) => [call.peer, call.conditions.map((x) => x.field)]).sort()).toEqual([
      ['consent', ['CONSENT_GRANTED']],
      ['transactions', ['RFM_SEGMENT', 'MONETARY']],
    ]);
    expect(peers.calls[0].caller.clientId).toBe(internalCaller().clientId);
  });

  it('counts and pages members: memberCount equals the member list, each member once', async () => {
    const segment = await create('All of TV', inTv);
    expect(segment.memberCount).toBe(4);
    const members = await allMembers(harness, segment.id, 3);
    expect(sorted(members)).toEqual(sorted([c.ann, c.bo, c.cy, c.di]));
    const firstPage = await harness.execute<MembersResult>(SEGMENT_MEMBERS, { id: segment.id, first: 1 } as never);
    expect(firstPage.data!.segment!.members.totalCount).toBe(4);
    expect(firstPage.data!.segment!.memberCount).toBe(4);
  });

  it('updates by writing a new version: the old one stays readable, members follow the new rule', async () => {
    const segment = await create('Northerners', { all: [inTv, condition('REGION', 'EQ', ['North'])] });
    const result = await harness.execute<{ updateSegment: SegmentResult }>(UPDATE_SEGMENT, {
      id: segment.id,
      input: { rule: { all: [inTv, condition('REGION', 'EQ', ['South'])] }, description: 'now the south' },
    } as never);
    expect(result.errors).toBeUndefined();
    const updated = result.data!.updateSegment;
    expect(updated).toMatchObject({ version: 2, name: 'Northerners', description: 'now the south', memberCount: 1 });
    expect(updated.versions.map((v) => [v.version, v.memberCount])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(updated.versions[1].rule).toEqual(segment.rule);
    expect(await allMembers(harness, segment.id)).toEqual([c.bo]);
  });

  it('refuses an update when another one made a newer version current while it waited on the peers, keeping that one', async () => {
    const segment = await create('Racing', { all: [inTv, condition('RFM_SEGMENT', 'IN', ['CHAMPIONS', 'LOYAL'])] });
    let concurrent: { errors?: unknown } | undefined;
    peers.beforeNextCall = async () => {
      concurrent = await harness.execute(UPDATE_SEGMENT, { id: segment.id, input: { name: 'Racing renamed', rule: inTv } } as never);
    };
    const late = await harness.execute<{ updateSegment: SegmentResult }>(UPDATE_SEGMENT, { id: segment.id, input: { description: 'late' } } as never);
    expect(concurrent?.errors).toBeUndefined();
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SEGMENT_CHANGED', currentVersion: 2 });
    const now = await harness.execute<{ segment: SegmentResult }>(`query S($id: ID!) { segment(id: $id) { name description version rule versions { version } } }`, { id: segment.id } as never);
    expect(now.data!.segment).toMatchObject({ name: 'Racing renamed', description: null, version: 2, rule: inTv });
    expect(now.data!.segment.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(sorted(await allMembers(harness, segment.id))).toEqual(sorted([c.ann, c.bo, c.cy, c.di]));
  });

  it('shows a change in source data after refreshSegment', async () => {
    const segment = await create('Book buyers in TV', { all: [inTv, condition('PURCHASED_CATEGORY', 'EQ', ['Books'])] });
    expect(await allMembers(harness, segment.id)).toEqual([c.bo, c.cy]); // in customer order
    peers.answer('PURCHASED_CATEGORY', ['Books'], [c.bo, c.cy, c.di, c.ed]);
    expect((await allMembers(harness, segment.id)).length).toBe(2); // still fresh: served as evaluated
    const refreshed = await harness.execute<{ refreshSegment: { memberCount: number } }>(REFRESH_SEGMENT, { id: segment.id } as never);
    expect(refreshed.data!.refreshSegment.memberCount).toBe(3);
    expect(sorted(await allMembers(harness, segment.id))).toEqual(sorted([c.bo, c.cy, c.di]));
    peers.answer('PURCHASED_CATEGORY', ['Books'], [c.bo, c.cy, c.ed]);
  });

  it('writes nothing when a peer cannot answer', async () => {
    const before = (await harness.execute<{ segments: { totalCount: number } }>(SEGMENT_COUNT)).data!.segments.totalCount;
    peers.down = true;
    try {
      const result = await harness.execute(CREATE_SEGMENT, { input: { name: 'Needs transactions', rule: condition('FREQUENCY', 'GT', [2]) } } as never);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'transactions' });
    } finally {
      peers.down = false;
    }
    expect((await harness.execute<{ segments: { totalCount: number } }>(SEGMENT_COUNT)).data!.segments.totalCount).toBe(before);
  });

  it('refuses partners and self-service callers, and callers without the scope', async () => {
    const segment = await create('Private', inTv);
    for (const caller of [internalCaller({ kind: CallerKind.PARTNER, partnerId: '00000000-0000-4000-8000-000000000001' }), internalCaller({ kind: CallerKind.CUSTOMER, customerId: c.ann })]) {
      const read = await harness.execute(SEGMENT_MEMBERS, { id: segment.id } as never, caller);
      expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const list = await harness.execute(SEGMENT_COUNT, undefined, caller);
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const unscoped = await harness.execute(CREATE_SEGMENT, { input: { name: 'No scope', rule: inTv } } as never, internalCaller({ scopes: ['customers:read'] }));
    expect(unscoped.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
