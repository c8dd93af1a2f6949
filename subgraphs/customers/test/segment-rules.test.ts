import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { ACQUISITION_CHANNELS, INTERACTION_CHANNELS } from '@c360/shared/segments';
import { customersSubgraph } from '../src';
import { AcquisitionChannel } from '../src/customer/customer.enums';
import { InteractionChannel } from '../src/interaction/interaction.enums';
import { condition, CREATE_SEGMENT, FakeConditionPeers, SEGMENT_COUNT, UPDATE_SEGMENT, type SegmentResult } from './segment-fixtures';

describe(`segment rule validation on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const peers = new FakeConditionPeers();

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph, undefined, peers);
  });
  afterAll(() => harness.close());

  const create = (rule: unknown, name = `Rule ${Math.random()}`) => harness.execute<{ createSegment: SegmentResult }>(CREATE_SEGMENT, { input: { name, rule } } as never);
  const segmentCount = async () => (await harness.execute<{ segments: { totalCount: number } }>(SEGMENT_COUNT)).data!.segments.totalCount;

  const rejected = async (rule: unknown, rulePath: string) => {
    const before = await segmentCount();
    const result = await create(rule);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SEGMENT_RULE', rulePath });
    expect(await segmentCount()).toBe(before);
    expect(peers.calls).toHaveLength(0); // rejected before any subgraph was asked
  };

  const dk = condition('COUNTRY', 'EQ', ['DK']);

  it('rejects a node that sets two kinds, or none, naming its path', async () => {
    await rejected({ all: [dk, { ...dk, any: [dk] }] }, 'all[1]');
    await rejected({ any: [dk, {}] }, 'any[1]');
  });

  it('rejects empty all / any lists', async () => {
    await rejected({ not: { all: [] } }, 'not.all');
  });

  it('rejects a rule nested too deep or with too many nodes', async () => {
    let deep: unknown = dk;
    for (let i = 0; i < 6; i++) deep = { not: deep };
    await rejected(deep, 'not.not.not.not.not.not');
    await rejected({ any: Array.from({ length: 50 }, () => dk) }, 'any[49]');
  });

  it('rejects an operator the field does not take', async () => {
    await rejected({ all: [dk, condition('COUNTRY', 'GT', ['DK'])] }, 'all[1].condition.operator');
    await rejected(condition('CONSENT_GRANTED', 'BETWEEN', ['MARKETING', 'PROFILING']), 'condition.operator');
  });

  it('rejects wrong value counts, non-numbers, unknown enum values and misplaced options', async () => {
    await rejected(condition('AGE', 'BETWEEN', [30]), 'condition.values');
    await rejected(condition('AGE', 'BETWEEN', [40, 30]), 'condition.values');
    await rejected(condition('MONETARY', 'GT', ['lots']), 'condition.values[0]');
    await rejected(condition('RFM_SEGMENT', 'IN', ['CHAMPIONS', 'WHALES']), 'condition.values[1]');
    await rejected(condition('LIFECYCLE_STAGE', 'EQ', ['PROSPECT']), 'condition.values[0]');
    await rejected(condition('COUNTRY', 'EQ', ['Denmark']), 'condition.values[0]');
    await rejected(condition('COUNTRY', 'EQ', ['DK'], { withinDays: 30 }), 'condition.withinDays');
    await rejected(condition('PURCHASED_CATEGORY', 'EQ', ['Books'], { withinDays: 0 }), 'condition.withinDays');
    await rejected(condition('AGE', 'GT', [30], { partnerId: '00000000-0000-4000-8000-000000000000' }), 'condition.partnerId');
  });

  it('rejects an unknown field at the schema, writing nothing', async () => {
    const before = await segmentCount();
    const result = await create(condition('SHOE_SIZE', 'EQ', ['44']));
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await segmentCount()).toBe(before);
  });

  it('stores the rule normalised: values trimmed, upper-cased where the field says so, numbers canonical, duplicates dropped', async () => {
    const result = await create({ all: [condition('COUNTRY', 'IN', [' dk', 'DK', 'se']), condition('AGE', 'GTE', ['030.0'])] });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createSegment.rule).toEqual({
      all: [
        { condition: { field: 'COUNTRY', operator: 'IN', values: ['DK', 'SE'], withinDays: null, partnerId: null } },
        { condition: { field: 'AGE', operator: 'GTE', values: ['30'], withinDays: null, partnerId: null } },
      ],
    });
  });

  it('answers CONFLICT for a name already taken (case-insensitively) and BAD_USER_INPUT for an empty one', async () => {
    expect((await create(dk, 'Danes')).errors).toBeUndefined();
    expect((await create(dk, 'DANES')).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await create(dk, '  ')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("refuses the BI count's own keys NO_SEGMENT and PROFILING_WITHHELD as names (case-insensitively), writing nothing", async () => {
    const before = await segmentCount();
    for (const name of ['NO_SEGMENT', 'no_segment', ' Profiling_Withheld ']) {
      expect((await create(dk, name)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    }
    expect(await segmentCount()).toBe(before);
    const created = await create(dk, 'Not reserved');
    expect(created.errors).toBeUndefined();
    const segment = created.data!.createSegment;
    const renamed = await harness.execute<{ updateSegment: SegmentResult }>(UPDATE_SEGMENT, { id: segment.id, input: { name: 'PROFILING_withheld' } } as never);
    expect(renamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const after = await harness.execute<{ segment: { name: string; version: number } }>(`query S($id: ID!) { segment(id: $id) { name version } }`, { id: segment.id } as never);
    expect(after.data!.segment).toEqual({ name: 'Not reserved', version: 1 });
  });

  it('keeps the shared vocabulary in step with the profile and interaction enums', () => {
    expect([...ACQUISITION_CHANNELS].sort()).toEqual(Object.values(AcquisitionChannel).sort());
    expect([...INTERACTION_CHANNELS].sort()).toEqual(Object.values(InteractionChannel).sort());
  });
});
