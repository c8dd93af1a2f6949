import type { FloorResult } from '../../bench/floor/floor-main';
import type { ContestantSummary } from '../../bench/load/compare';
import type { RoundResult } from '../../bench/load/load-round';
import { spread } from '../../bench/load/stats';
import { measureR8, typicalPage } from '../../bench/experiments/r8-floor';
import type { CapturedStatement } from '../../bench/measure/statement-capture';

const captured: CapturedStatement[] = [
  { text: 'SELECT 1', values: [], rows: 20 },
  { text: 'SELECT 2', values: [1], rows: 5 },
  { text: 'SELECT 1', values: [], rows: 20 }, // the same statement twice: the floor runs it once
];

const round = (gateway: number, subgraphs: number, postgres: number): RoundResult => ({
  target: 'ours',
  requests: 100,
  requestsPerSecond: 10,
  latencyMs: { p50: 1, p99: 2, mean: 1 },
  cpuMsPerRequest: { gateway, subgraphs, postgres },
  failures: 0,
});

const summary = (rounds: RoundResult[]): ContestantSummary => ({
  target: 'ours',
  requestsPerSecond: spread(rounds.map((r) => r.requestsPerSecond)),
  latencyP50Ms: spread([1]),
  latencyP99Ms: spread([2]),
  cpuMsPerRequest: Object.fromEntries(['gateway', 'subgraphs', 'postgres'].map((g) => [g, spread(rounds.map((r) => r.cpuMsPerRequest[g]))])),
  requests: 100 * rounds.length,
  failures: 0,
  rounds,
});

const floor = (node: number, postgres: number, rows = [20, 5]): FloorResult => ({ pages: 300, nodeCpuMsPerPage: node, postgresCpuMsPerPage: postgres, parallelWorkerCpuMsPerPage: 0, rows, jsonBytesPerPage: 1000 });

describe('R8: platform CPU per page ÷ the same-work floor, round by round', () => {
  it('divides each round by the floor run next to it, so a machine slowing down during the run does not move the ratio', () => {
    // The machine slows by half between the first and the last round: platform and floor alike.
    const rounds = [round(5, 15, 10), round(6, 18, 12), round(7, 21, 14), round(7.5, 22.5, 15)];
    const floors = [floor(3, 12), floor(3.6, 14.4), floor(4.2, 16.8), floor(4.5, 18)];
    const r8 = measureR8(captured, summary(rounds), floors);
    expect(r8.pairs.map((p) => Number(p.toFixed(6)))).toEqual([2, 2, 2, 2]);
    expect(r8.ratio).toBeCloseTo(2, 6);
    expect(r8.distinct).toBe(2);
    expect(r8.statements).toBe(3);
    expect(r8.floorRuns).toEqual([15, 18, 21, 22.5]);
    // Reported parts are medians over the runs. One floor run before all rounds would have said
    // 39 / 15 = 2.6, one after them 39 / 22.5 = 1.73: the drift, not the platform.
    expect(r8.floor.nodeCpuMsPerPage).toBeCloseTo(3.9, 6);
    expect(r8.totalCpuMs).toBeCloseTo(39, 6);
  });

  it('is void when any floor run returned other row counts than the page (different work)', () => {
    const rounds = [round(5, 15, 10), round(5, 15, 10)];
    const r8 = measureR8(captured, summary(rounds), [floor(3, 12), floor(3, 12, [20, 4])]);
    expect(r8.sameWork).toBe(false);
    expect(r8.ratio).toBeNull();
    expect(r8.mismatches).toEqual([expect.stringMatching(/^floor run 2, statement 2: 5 rows in the page, 4 in the floor/)]);
  });

  it('refuses to compute without one floor run per round', () => {
    expect(() => measureR8(captured, summary([round(5, 15, 10), round(5, 15, 10)]), [floor(3, 12)])).toThrow(/one floor run per R1 round/);
  });
});

describe("R8's captured page", () => {
  const page = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `SELECT ${i}`, values: [], rows: 1 }));

  it('is a typical page: the most common statement count, the fewer on a tie', () => {
    expect(typicalPage([page(11), page(10), page(10), page(11), page(10)])).toHaveLength(10);
    expect(typicalPage([page(11), page(11), page(10)])).toHaveLength(11);
    expect(typicalPage([page(11), page(10)])).toHaveLength(10);
  });
});
