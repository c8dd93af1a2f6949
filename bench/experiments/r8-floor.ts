import { runFloor } from '../floor/run-floor';
import type { FloorResult } from '../floor/floor-main';
import type { ContestantSummary } from '../load/compare';
import { median } from '../load/stats';
import { captureReference, type Target, type Workload } from '../load/graphql-target';
import { distinctStatements, type CapturedStatement } from '../measure/statement-capture';
import type { ServerProcess } from '../servers/ipc';

export interface R8Result {
  /** Statements the page ran (transaction control left out) and how many were distinct. */
  statements: number;
  distinct: number;
  /** The floor as reported: each part the median of the floor runs (one after each R1 round of our gateway). */
  floor: FloorResult;
  floorCpuMsPerPage: number;
  /** Each floor run's total CPU per page, in round order. */
  floorRuns: number[];
  /** The real run's CPU per page by process group (medians of the R1 rounds of our gateway). */
  totalCpuMsPerPage: Record<string, number>;
  totalCpuMs: number;
  /** Whether every distinct statement returned the same number of rows in every floor run as in the real run. */
  sameWork: boolean;
  mismatches: string[];
  /** Each R1 round's total ÷ the floor run right after it, in round order. */
  pairs: number[];
  /** The median of `pairs`; null when the two sides did different work. */
  ratio: number | null;
}

/** Pages sent before capturing: a cold process answers its first pages with other statements (caches filling, JIT). */
const CAPTURE_WARM_UP_PAGES = 30;
const CAPTURED_PAGES = 5;

/**
 * The statements one customer-360 request sends to PostgreSQL, recorded in the subgraph process,
 * as a warm page runs them. A page's statement count can vary with timing: two subgraph requests of
 * one page share a consent decision only when the second asks after the first, so a page now and
 * then makes one exchange (one statement) more. Of five captured pages the most common count is
 * taken (the fewer on a tie), so the floor does what a typical page does, never a rare heavier one.
 */
export async function captureStatementsOfPage(gateway: Target, workload: Workload, subgraphs: ServerProcess): Promise<CapturedStatement[]> {
  for (let i = 0; i < CAPTURE_WARM_UP_PAGES; i++) await captureReference(gateway, workload);
  const pages: CapturedStatement[][] = [];
  for (let i = 0; i < CAPTURED_PAGES; i++) {
    await subgraphs.command('startCapture');
    await captureReference(gateway, workload);
    pages.push(await subgraphs.command<CapturedStatement[]>('capturedStatements'));
  }
  return typicalPage(pages);
}

/** The page with the most common statement count (the fewer statements on a tie). */
export function typicalPage(pages: CapturedStatement[][]): CapturedStatement[] {
  const seen = new Map<number, number>();
  for (const page of pages) seen.set(page.length, (seen.get(page.length) ?? 0) + 1);
  const [count] = [...seen].sort(([a, na], [b, nb]) => nb - na || a - b)[0];
  return pages.find((page) => page.length === count)!;
}

/**
 * The floor runs of R8, one right after each measured R1 round of our gateway (pass `afterRound`
 * as the comparison's `afterRoundOfA`): a machine whose speed drifts during the run (a shared
 * host) then moves each platform round and the floor it is divided by alike, where one floor run
 * before or after all rounds would carry the drift into the ratio.
 */
export function pairedFloors(databaseUrl: string, captured: CapturedStatement[], pages: number) {
  const floors: FloorResult[] = [];
  const distinct = distinctStatements(captured);
  return {
    floors,
    afterRound: async (round: number) => {
      floors[round] = await runFloor(databaseUrl, distinct, pages);
    },
  };
}

const floorTotal = (floor: FloorResult) => floor.nodeCpuMsPerPage + floor.postgresCpuMsPerPage + floor.parallelWorkerCpuMsPerPage;
const groupsTotal = (cpu: Record<string, number>) => Object.values(cpu).reduce((sum, ms) => sum + ms, 0);

/**
 * R8: CPU of the whole platform for one customer-360 page (gateway, subgraphs, PostgreSQL
 * backends and their parallel workers, per R1 round) ÷ the same-work floor (one process running
 * the page's distinct statements and serialising the rows, run right after that round): the
 * median of the per-round ratios.
 */
export function measureR8(captured: CapturedStatement[], real: ContestantSummary, floors: FloorResult[]): R8Result {
  if (floors.length !== real.rounds.length || !Array.from(floors).every(Boolean)) throw new Error(`R8 needs one floor run per R1 round (${real.rounds.length} rounds, ${floors.length} floors)`);
  const distinct = distinctStatements(captured);
  const mismatches = floors.flatMap((floor, run) =>
    distinct.flatMap((s, i) => (s.rows === floor.rows[i] ? [] : [`floor run ${run + 1}, statement ${i + 1}: ${s.rows} rows in the page, ${floor.rows[i]} in the floor (${s.text.replace(/\s+/g, ' ').slice(0, 80)}…)`])),
  );
  const totalCpuMsPerPage = Object.fromEntries(Object.entries(real.cpuMsPerRequest).map(([group, spread]) => [group, spread.median]));
  const totalCpuMs = groupsTotal(totalCpuMsPerPage);
  const floor: FloorResult = {
    ...floors[0],
    nodeCpuMsPerPage: median(floors.map((f) => f.nodeCpuMsPerPage)),
    postgresCpuMsPerPage: median(floors.map((f) => f.postgresCpuMsPerPage)),
    parallelWorkerCpuMsPerPage: median(floors.map((f) => f.parallelWorkerCpuMsPerPage)),
  };
  const pairs = real.rounds.map((round, i) => groupsTotal(round.cpuMsPerRequest) / floorTotal(floors[i]));
  return {
    statements: captured.length,
    distinct: distinct.length,
    floor,
    floorCpuMsPerPage: floorTotal(floor),
    floorRuns: floors.map(floorTotal),
    totalCpuMsPerPage,
    totalCpuMs,
    sameWork: mismatches.length === 0,
    mismatches,
    pairs,
    ratio: mismatches.length === 0 && pairs.every((p) => Number.isFinite(p) && p > 0) ? median(pairs) : null,
  };
}
