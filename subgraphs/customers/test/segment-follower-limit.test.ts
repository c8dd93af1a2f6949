import { CallerKind, metricsRegistry, PROFILING, type Caller } from '@c360/shared';
import type { RemoteConditions } from '../src/segment/remote-conditions';
import { SegmentFollower } from '../src/segment/segment-follower';
import type { SegmentReleases } from '../src/segment/segment-releases';
import type { SegmentRepository } from '../src/segment/segment.repository';

const caller: Caller = { clientId: 'test:follower', kind: CallerKind.INTERNAL_APP, scopes: ['customers:read'], purpose: PROFILING };

/** One segment; consent undecided for every customer asked about (an outage); nothing is ever materialised. */
function followerDuringOutage(maxPending: number) {
  const asked: string[][] = [];
  const segments = { current: async () => [{ id: 'segment-1', version: 1, rule: { all: [] }, purpose: PROFILING }] } as unknown as SegmentRepository;
  const remote = { setsFor: async () => new Map() } as unknown as RemoteConditions;
  const releases = {
    forCustomers: async (_rule: unknown, _evaluator: Caller, ids: readonly string[]) => {
      asked.push([...ids]);
      return { released: new Map(), undecided: new Set(ids) };
    },
  } as unknown as SegmentReleases;
  // A retry an hour away: the test reads the pending set, it never waits for a retry.
  const follower = new SegmentFollower(segments, remote, releases, caller, { firstMs: 3_600_000, maxMs: 3_600_000, maxPending, isOpen: () => false });
  return { follower, asked };
}

async function overflowCount(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('c360_segment_evaluations_pending_total')!.get();
  return metric.values.filter((v) => v.labels.cause === 'overflow').reduce((sum, v) => sum + v.value, 0);
}

describe('segment follower during a long consent outage', () => {
  it('keeps at most maxPending customers waiting for a retry and leaves the rest to the periodic refresh', async () => {
    const { follower } = followerDuringOutage(3);
    const before = await overflowCount();
    await follower.customersChanged(['c1', 'c2']);
    await follower.customersChanged(['c2', 'c3', 'c4', 'c5']);
    expect(follower.pendingCustomers().sort()).toEqual(['c1', 'c2', 'c3']);
    expect((await overflowCount()) - before).toBe(2);
    // A customer already pending is not counted again, and the set does not grow past the limit.
    await follower.customersChanged(['c1', 'c6']);
    expect(follower.pendingCustomers().sort()).toEqual(['c1', 'c2', 'c3']);
    expect((await overflowCount()) - before).toBe(3);
  });

  it('logs an overflow once, not once per write while it lasts', async () => {
    const { follower } = followerDuringOutage(2);
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      await follower.customersChanged(['c1', 'c2', 'c3']);
      await follower.customersChanged(['c4']);
      await follower.customersChanged(['c5', 'c6']);
    } finally {
      process.stderr.write = write;
    }
    expect(lines.filter((line) => line.includes('past the retry limit'))).toHaveLength(1);
    expect(lines.join('')).not.toMatch(/\bc[3-6]\b/); // never the customers' ids
  });
});
