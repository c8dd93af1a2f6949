import { runFloor } from '../floor/run-floor';
import type { FloorResult } from '../floor/floor-main';
import type { ContestantSummary } from '../load/compare';
import { captureReference, type Target, type Workload } from '../load/graphql-target';
import { distinctStatements, type CapturedStatement } from '../measure/statement-capture';
import type { ServerProcess } from '../servers/ipc';

export interface R8Result {
  /** Statements the page ran (transaction control left out) and how many were distinct. */
  statements: number;
  distinct: number;
  floor: FloorResult;
  floorCpuMsPerPage: number;
  /** The real run's CPU per page by process group (medians of the R1 rounds of our gateway). */
  totalCpuMsPerPage: Record<string, number>;
  totalCpuMs: number;
  /** Whether every distinct statement returned the same number of rows in the floor as in the real run. */
  sameWork: boolean;
  mismatches: string[];
  /** Total ÷ floor; null when the two sides did different work. */
  ratio: number | null;
}

/** The statements one customer-360 request sends to PostgreSQL, recorded in the subgraph process. */
export async function captureStatementsOfPage(gateway: Target, workload: Workload, subgraphs: ServerProcess): Promise<CapturedStatement[]> {
  await captureReference(gateway, workload); // warm: the measured R1 rounds ran warm too
  await subgraphs.command('startCapture');
  await captureReference(gateway, workload);
  return subgraphs.command<CapturedStatement[]>('capturedStatements');
}

/**
 * R8: CPU of the whole platform for one customer-360 page (gateway, subgraphs, PostgreSQL
 * backends and their parallel workers, from the R1 rounds) ÷ the same-work floor (one process
 * running the page's distinct statements and serialising the rows).
 */
export async function measureR8(databaseUrl: string, captured: CapturedStatement[], real: ContestantSummary, pages: number): Promise<R8Result> {
  const distinct = distinctStatements(captured);
  const floor = await runFloor(databaseUrl, distinct, pages);
  const mismatches = distinct.flatMap((s, i) => (s.rows === floor.rows[i] ? [] : [`statement ${i + 1}: ${s.rows} rows in the page, ${floor.rows[i]} in the floor (${s.text.replace(/\s+/g, ' ').slice(0, 80)}…)`]));
  const totalCpuMsPerPage = Object.fromEntries(Object.entries(real.cpuMsPerRequest).map(([group, spread]) => [group, spread.median]));
  const totalCpuMs = Object.values(totalCpuMsPerPage).reduce((sum, ms) => sum + ms, 0);
  const floorCpuMsPerPage = floor.nodeCpuMsPerPage + floor.postgresCpuMsPerPage + floor.parallelWorkerCpuMsPerPage;
  return {
    statements: captured.length,
    distinct: distinct.length,
    floor,
    floorCpuMsPerPage,
    totalCpuMsPerPage,
    totalCpuMs,
    sameWork: mismatches.length === 0,
    mismatches,
    ratio: mismatches.length === 0 && floorCpuMsPerPage > 0 ? totalCpuMs / floorCpuMsPerPage : null,
  };
}
