import { statementCounter } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { condition, CREATE_SEGMENT, createCustomer, FakeConditionPeers, recordInteraction, REFRESH_SEGMENT, UPDATE_SEGMENT, type SegmentResult } from './segment-fixtures';

interface EventRow {
  type: string;
  customerId: string;
  payload: { segmentId: string; version: number };
}

describe(`segment.entered / segment.exited in the outbox on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const peers = new FakeConditionPeers();
  /** Three customers in Tokelau, three in Niue (codes no other test file uses). */
  const tk: string[] = [];
  const nu: string[] = [];

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph, undefined, peers);
    for (let i = 0; i < 3; i++) tk.push(await createCustomer(harness, `Tk${i}`, { address: { countryCode: 'TK' } }));
    for (let i = 0; i < 3; i++) nu.push(await createCustomer(harness, `Nu${i}`, { address: { countryCode: 'NU' } }));
  });
  afterAll(() => harness.close());

  const run = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const result = await harness.execute<T>(query, variables as never);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const create = async (name: string, rule: unknown) => (await run<{ createSegment: SegmentResult }>(CREATE_SEGMENT, { input: { name, rule } })).createSegment;
  /** The segment's membership events in outbox order. */
  const eventsOf = async (segmentId: string): Promise<EventRow[]> =>
    harness.dataSource.query(`SELECT type, customer_id AS "customerId", payload FROM customers.outbox WHERE type LIKE 'segment.%' AND payload->>'segmentId' = $1 ORDER BY seq`, [segmentId]);
  const sorted = (ids: string[]) => [...ids].sort();

  it('a new segment records one segment.entered per member, in the statements a segment of any size takes', async () => {
    statementCounter.reset();
    const small = await create('Tokelau', condition('COUNTRY', 'EQ', ['TK']));
    const statementsSmall = statementCounter.total();
    statementCounter.reset();
    const large = await create('Tokelau and Niue', condition('COUNTRY', 'IN', ['TK', 'NU']));
    expect(statementCounter.total()).toBe(statementsSmall);

    const events = await eventsOf(small.id);
    expect(events.map((e) => e.type)).toEqual(['segment.entered', 'segment.entered', 'segment.entered']);
    expect(sorted(events.map((e) => e.customerId))).toEqual(sorted(tk));
    for (const event of events) expect(event.payload).toEqual({ segmentId: small.id, version: 1 });
    expect(sorted((await eventsOf(large.id)).map((e) => e.customerId))).toEqual(sorted([...tk, ...nu]));
    // Ids and the segment only: no condition value, no profile value.
    expect(JSON.stringify(events)).not.toMatch(/TK|Tk\d/);
  });

  it('a rule change records only the difference: entered for who came in, exited for who left, nothing for who stayed', async () => {
    const segment = await create('Tokelau, then Niue', condition('COUNTRY', 'EQ', ['TK']));
    const before = (await eventsOf(segment.id)).length;
    await run(UPDATE_SEGMENT, { id: segment.id, input: { rule: condition('COUNTRY', 'EQ', ['NU']) } });
    const changed = (await eventsOf(segment.id)).slice(before);
    expect(sorted(changed.filter((e) => e.type === 'segment.exited').map((e) => e.customerId))).toEqual(sorted(tk));
    expect(sorted(changed.filter((e) => e.type === 'segment.entered').map((e) => e.customerId))).toEqual(sorted(nu));
    for (const event of changed) expect(event.payload).toEqual({ segmentId: segment.id, version: 2 });

    // Evaluating again with nobody coming or going records nothing.
    const settled = (await eventsOf(segment.id)).length;
    await run(REFRESH_SEGMENT, { id: segment.id });
    expect(await eventsOf(segment.id)).toHaveLength(settled);
  });

  it('an interaction that brings a customer into a segment records segment.entered for that customer only (incremental re-evaluation)', async () => {
    const segment = await create('E-mail readers', condition('INTERACTION_CHANNEL', 'EQ', ['EMAIL']));
    expect(await eventsOf(segment.id)).toEqual([]);
    await recordInteraction(harness, nu[1], 'EMAIL');
    await recordInteraction(harness, nu[2], 'WEB');
    expect(await eventsOf(segment.id)).toEqual([{ type: 'segment.entered', customerId: nu[1], payload: { segmentId: segment.id, version: 1 } }]);
    // The customer's next interaction changes nothing: no second event.
    await recordInteraction(harness, nu[1], 'EMAIL');
    expect(await eventsOf(segment.id)).toHaveLength(1);
  });
});
