import { statementCounter } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { SegmentSizeHistoryRepository } from '../src/segment/segment-size-history.repository';
import { condition, CREATE_SEGMENT, createCustomer, FakeConditionPeers, recordInteraction, REFRESH_SEGMENT, type SegmentResult } from './segment-fixtures';

const HISTORY = `query H($id: ID!, $first: Int!) { segment(id: $id) { sizeHistory(first: $first) { withheldVersions points { at version memberCount } } } }`;
const LIST = `query L($first: Int) { segments(first: $first) { edges { node { id sizeHistory { points { memberCount } } } } } }`;

interface Point {
  at: string;
  version: number;
  memberCount: number;
}

describe(`segment sizes over time on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const peers = new FakeConditionPeers();
  /** Customers in Tuvalu (a code no other test file uses). */
  const tv: string[] = [];

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph, undefined, peers);
    for (let i = 0; i < 3; i++) tv.push(await createCustomer(harness, `Tv${i}`, { address: { countryCode: 'TV' } }));
  });
  afterAll(() => harness.close());

  const run = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const result = await harness.execute<T>(query, variables as never);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const create = async (name: string, rule: unknown) => (await run<{ createSegment: SegmentResult }>(CREATE_SEGMENT, { input: { name, rule } })).createSegment;
  const history = async (id: string, first = 100) => (await run<{ segment: { sizeHistory: { points: Point[] } } }>(HISTORY, { id, first })).segment.sizeHistory.points;

  it('records a point when an interaction brings someone in, and none when nothing changed', async () => {
    const readers = await create('Tuvalu e-mail readers', { all: [condition('COUNTRY', 'EQ', ['TV']), condition('INTERACTION_CHANNEL', 'EQ', ['EMAIL'])] });
    await recordInteraction(harness, tv[0], 'EMAIL');
    await recordInteraction(harness, tv[1], 'WEB'); // not a member: no change, no point
    await recordInteraction(harness, tv[0], 'EMAIL'); // already a member: no point
    await run(REFRESH_SEGMENT, { id: readers.id }); // unchanged whole evaluation within a day: no point
    expect((await history(readers.id)).map((p) => [p.version, p.memberCount])).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });

  it('answers the latest `first` points, oldest first, and refuses a window outside 1 to 1000', async () => {
    const all = await create('Tuvalu', condition('COUNTRY', 'EQ', ['TV']));
    await createCustomer(harness, 'Tv3', { address: { countryCode: 'TV' } });
    await run(REFRESH_SEGMENT, { id: all.id });
    const points = await history(all.id);
    expect(points.map((p) => p.memberCount)).toEqual([all.memberCount, all.memberCount + 1]);
    expect(await history(all.id, 1)).toEqual([points[1]]);
    for (const first of [0, 1001]) {
      const refused = await harness.execute(HISTORY, { id: all.id, first } as never);
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('never serves or keeps a point older than the retention', async () => {
    const segment = await create('Tuvalu, kept', condition('COUNTRY', 'EQ', ['TV']));
    const [recorded] = await history(segment.id);
    // Backdate the record past the 90-day default, as if time had passed.
    await harness.dataSource.query(`UPDATE customers.segment_size SET recorded_at = now() - interval '91 days' WHERE segment_id = $1`, [segment.id]);
    expect(recorded.memberCount).toBeGreaterThan(0);
    expect(await history(segment.id)).toEqual([]);
    const swept = await new SegmentSizeHistoryRepository(harness.dataSource, 90).sweep();
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await harness.dataSource.query(`SELECT 1 FROM customers.segment_size WHERE segment_id = $1`, [segment.id])).toEqual([]);
  });

  it('reads the histories of a list in the same statements for 2 segments as for 6', async () => {
    for (let i = 0; i < 6; i++) await create(`Tuvalu batch ${i}`, condition('COUNTRY', 'EQ', ['TV']));
    const statementsFor = async (first: number) => {
      statementCounter.reset();
      const page = await run<{ segments: { edges: { node: { sizeHistory: { points: unknown[] } } }[] } }>(LIST, { first });
      expect(page.segments.edges.filter((e) => e.node.sizeHistory.points.length > 0).length).toBeGreaterThan(1);
      return statementCounter.total();
    };
    expect(await statementsFor(6)).toBe(await statementsFor(2));
  });
});
