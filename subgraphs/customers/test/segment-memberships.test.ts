import { CallerKind, statementCounter } from '@c360/shared';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { readSegmentSettings } from '../src/segment/segment.settings';
import { allMembers, condition, CREATE_SEGMENT, createCustomer, FakeConditionPeers, UPDATE_SEGMENT, type SegmentResult } from './segment-fixtures';

const MEMBERSHIPS = `query M($ids: [ID!]!) { segmentMemberships(customerIds: $ids) { customerId segmentIds } }`;
const SEGMENT_PAGE = `query P($first: Int) { segments(first: $first) { totalCount edges { node { id memberCount versions { version } members(first: 3) { totalCount edges { node { id } } } } } } }`;

interface Membership {
  customerId: string;
  segmentIds: string[];
}

describe(`segment memberships and freshness on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const peers = new FakeConditionPeers();
  const ids: string[] = [];

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph, undefined, peers);
    for (let i = 0; i < 50; i++) ids.push(await createCustomer(harness, `Member${i}`, { acquisitionChannel: i % 2 ? 'WEB' : 'STORE', address: { countryCode: i < 10 ? 'FJ' : 'WS' } }));
  });
  afterAll(() => harness.close());

  const create = async (name: string, rule: unknown) => {
    const result = await harness.execute<{ createSegment: SegmentResult }>(CREATE_SEGMENT, { input: { name, rule } } as never);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.createSegment;
  };
  const memberships = async (customerIds: string[]) => {
    const result = await harness.execute<{ segmentMemberships: Membership[] }>(MEMBERSHIPS, { ids: customerIds } as never);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.segmentMemberships;
  };

  it("answers each customer's current segments in request order, an empty list for none", async () => {
    const fiji = await create('Fiji', condition('COUNTRY', 'EQ', ['FJ']));
    const store = await create('Store', { all: [condition('COUNTRY', 'IN', ['FJ', 'WS']), condition('ACQUISITION_CHANNEL', 'EQ', ['STORE'])] });
    const nobody = '00000000-0000-4000-8000-0000000000aa';
    expect(await memberships([ids[1], ids[0], nobody, ids[20]])).toEqual([
      { customerId: ids[1], segmentIds: [fiji.id] },
      { customerId: ids[0], segmentIds: [fiji.id, store.id].sort() },
      { customerId: nobody, segmentIds: [] },
      { customerId: ids[20], segmentIds: [store.id] },
    ]);
  });

  it("refuses partners, BI callers and a customer asking about anyone else (offers forwards its caller): membership is profiling", async () => {
    const callers = [
      internalCaller({ kind: CallerKind.PARTNER, partnerId: '00000000-0000-4000-8000-000000000001' }),
      internalCaller({ kind: CallerKind.CUSTOMER, customerId: ids[1] }),
      internalCaller({ kind: CallerKind.BI }),
    ];
    for (const caller of callers) {
      const result = await harness.execute<{ segmentMemberships: Membership[] }>(MEMBERSHIPS, { ids: [ids[0]] } as never, caller);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.data?.segmentMemberships).toBeUndefined();
    }
  });

  it('answers a self-service caller about its own id only, so its offers are evaluated like staff', async () => {
    const own = await create('Own', condition('COUNTRY', 'EQ', ['FJ']));
    const self = internalCaller({ kind: CallerKind.CUSTOMER, customerId: ids[0] });
    const result = await harness.execute<{ segmentMemberships: Membership[] }>(MEMBERSHIPS, { ids: [ids[0]] } as never, self);
    expect(result.errors).toBeUndefined();
    expect(result.data?.segmentMemberships[0].segmentIds).toContain(own.id);
    const mixed = await harness.execute<{ segmentMemberships: Membership[] }>(MEMBERSHIPS, { ids: [ids[0], ids[1]] } as never, self);
    expect(mixed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("follows the segment's current version only", async () => {
    const segment = await create('Moving', condition('COUNTRY', 'EQ', ['FJ']));
    await harness.execute(UPDATE_SEGMENT, { id: segment.id, input: { rule: condition('COUNTRY', 'EQ', ['WS']) } } as never);
    const [fijian, samoan] = await memberships([ids[0], ids[30]]);
    expect(fijian.segmentIds).not.toContain(segment.id);
    expect(samoan.segmentIds).toContain(segment.id);
  });

  it('costs the same statements for 5 customers as for 50', async () => {
    const countFor = async (customerIds: string[]) => {
      statementCounter.reset();
      await memberships(customerIds);
      return statementCounter.total();
    };
    const few = await countFor(ids.slice(0, 5));
    expect(few).toBeGreaterThan(0);
    expect(await countFor(ids)).toBe(few);
  });

  it('lists segments with their versions, counts and first members in the same statements for 2 segments as for 6', async () => {
    for (let i = 0; i < 4; i++) await create(`Filler ${i}`, condition('ACQUISITION_CHANNEL', 'EQ', [i % 2 ? 'WEB' : 'STORE']));
    const countFor = async (first: number) => {
      statementCounter.reset();
      const result = await harness.execute<{ segments: { edges: { node: { memberCount: number; members: { totalCount: number } } }[] } }>(SEGMENT_PAGE, { first } as never);
      expect(result.errors).toBeUndefined();
      for (const { node } of result.data!.segments.edges) expect(node.members.totalCount).toBe(node.memberCount);
      return statementCounter.total();
    };
    const two = await countFor(2);
    expect(two).toBeGreaterThan(0);
    expect(await countFor(6)).toBe(two);
  });

  describe('with SEGMENT_MAX_AGE_SECONDS=0', () => {
    let eager: SubgraphHarness;
    beforeAll(async () => {
      process.env.SEGMENT_MAX_AGE_SECONDS = '0';
      try {
        eager = await startSubgraphHarness(customersSubgraph, undefined, peers);
      } finally {
        delete process.env.SEGMENT_MAX_AGE_SECONDS;
      }
    });
    afterAll(() => eager.close());

    it('re-evaluates a segment whenever it is read', async () => {
      const a = await createCustomer(eager, 'Lazy A');
      const b = await createCustomer(eager, 'Lazy B');
      peers.answer('CHURN_RISK', ['0.8'], [a]);
      const created = await eager.execute<{ createSegment: SegmentResult }>(CREATE_SEGMENT, { input: { name: 'Churners', rule: condition('CHURN_RISK', 'GTE', ['0.8']) } } as never);
      const id = created.data!.createSegment.id;
      expect(await allMembers(eager, id)).toEqual([a]);
      peers.answer('CHURN_RISK', ['0.8'], [a, b]);
      expect(await allMembers(eager, id)).toEqual([a, b]);
    });
  });

  describe('with a background refresh (SEGMENT_MAX_AGE_SECONDS=1, SEGMENT_REFRESH_SECONDS=1)', () => {
    let refreshed: SubgraphHarness;
    beforeAll(async () => {
      Object.assign(process.env, { SEGMENT_MAX_AGE_SECONDS: '1', SEGMENT_REFRESH_SECONDS: '1' });
      try {
        refreshed = await startSubgraphHarness(customersSubgraph, undefined, peers);
      } finally {
        process.env.SEGMENT_REFRESH_SECONDS = '0';
        delete process.env.SEGMENT_MAX_AGE_SECONDS;
      }
    });
    afterAll(() => refreshed.close());

    it('brings memberships read without re-evaluation (offer targeting) up to date, as the refresh service caller', async () => {
      const first = await createCustomer(refreshed, 'Tongan A', { address: { countryCode: 'TO' } });
      peers.answer('CHURN_RISK', ['0.9'], [first]);
      const created = await refreshed.execute<{ createSegment: SegmentResult }>(CREATE_SEGMENT, {
        input: { name: 'Tongan churners', rule: { all: [condition('COUNTRY', 'EQ', ['TO']), condition('CHURN_RISK', 'GTE', ['0.9'])] } },
      } as never);
      const id = created.data!.createSegment.id;
      const later = await createCustomer(refreshed, 'Tongan B', { address: { countryCode: 'TO' } });
      peers.answer('CHURN_RISK', ['0.9'], [first, later]);
      const membershipOf = async (customerId: string) =>
        (await refreshed.execute<{ segmentMemberships: Membership[] }>(MEMBERSHIPS, { ids: [customerId] } as never)).data!.segmentMemberships[0].segmentIds;
      expect(await membershipOf(later)).toEqual([]);

      const deadline = Date.now() + 10_000;
      while (!(await membershipOf(later)).includes(id) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await membershipOf(later)).toEqual([id]);
      // The refresh service evaluates the segment for the purpose it declares (its creator's), not its own.
      expect(peers.calls.at(-1)!.caller).toMatchObject({ clientId: 'customers:segment-refresh', kind: 'INTERNAL_APP', purpose: created.data!.createSegment.purpose });
      expect(created.data!.createSegment.purpose).toBe('SERVICE');
    });
  });

  it('reads SEGMENT_MAX_AGE_SECONDS and SEGMENT_REFRESH_SECONDS once, 300 and 60 by default, refusing nonsense', () => {
    expect(readSegmentSettings({})).toEqual({ maxAgeSeconds: 300, refreshSeconds: 60, sizeHistoryDays: 90, followRetryMs: 5000 });
    expect(readSegmentSettings({ SEGMENT_MAX_AGE_SECONDS: '60', SEGMENT_REFRESH_SECONDS: '0' })).toEqual({ maxAgeSeconds: 60, refreshSeconds: 0, sizeHistoryDays: 90, followRetryMs: 5000 });
    expect(() => readSegmentSettings({ SEGMENT_MAX_AGE_SECONDS: '-1' })).toThrow(/SEGMENT_MAX_AGE_SECONDS/);
    expect(() => readSegmentSettings({ SEGMENT_REFRESH_SECONDS: 'soon' })).toThrow(/SEGMENT_REFRESH_SECONDS/);
  });
});
