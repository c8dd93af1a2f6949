import type { ProcessGroup } from '../measure/proc-stats';
import { captureReference, type Target, type Workload } from './graphql-target';
import { loadRound, type LoadSettings, type RoundResult } from './load-round';
import { spread, type Spread } from './stats';

export interface Contestant {
  target: Target;
  workload: Workload;
  /** The process groups whose CPU is reported for this contestant. */
  groups: ProcessGroup[];
}

export interface CompareSettings extends LoadSettings {
  warmupSeconds: number;
  /** Rounds per contestant, run interleaved A B B A A B ... */
  rounds: number;
  /** Both contestants must answer with the identical body (same query, same data). */
  sameBody: boolean;
  /** Runs right after each measured round of contestant A (outside its measurement), e.g. R8's floor next to the round it is compared with. */
  afterRoundOfA?: (round: number) => Promise<void>;
}

export interface ContestantSummary {
  target: string;
  requestsPerSecond: Spread;
  latencyP50Ms: Spread;
  latencyP99Ms: Spread;
  cpuMsPerRequest: Record<string, Spread>;
  requests: number;
  failures: number;
  firstFailure?: string;
  rounds: RoundResult[];
}

export interface Comparison {
  a: ContestantSummary;
  b: ContestantSummary;
  /** A ÷ B of the medians, and the spread of the per-pair ratios (round i of A against round i of B). */
  throughputRatio: Spread;
  latencyP50Ratio: Spread;
  referenceBytes: number;
  /** Whether both contestants answered with the byte-identical body (same work). */
  sameBody: boolean;
  failures: number;
}

function summarise(target: string, rounds: RoundResult[], warmupFailures: number): ContestantSummary {
  const groups = Object.keys(rounds[0].cpuMsPerRequest);
  const first = rounds.find((r) => r.firstFailure);
  return {
    target,
    requestsPerSecond: spread(rounds.map((r) => r.requestsPerSecond)),
    latencyP50Ms: spread(rounds.map((r) => r.latencyMs.p50)),
    latencyP99Ms: spread(rounds.map((r) => r.latencyMs.p99)),
    cpuMsPerRequest: Object.fromEntries(groups.map((g) => [g, spread(rounds.map((r) => r.cpuMsPerRequest[g]))])),
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    failures: rounds.reduce((n, r) => n + r.failures, 0) + warmupFailures,
    firstFailure: first?.firstFailure,
    rounds,
  };
}

function ratio(a: number[], b: number[]): Spread {
  const pairs = a.map((x, i) => x / b[i]);
  const medianOf = (xs: number[]) => spread(xs).median;
  return { median: medianOf(a) / medianOf(b), min: Math.min(...pairs), max: Math.max(...pairs) };
}

/** Side by side in one run: references, warm-up, then interleaved rounds so drift hits both alike. */
export async function compare(a: Contestant, b: Contestant, settings: CompareSettings, log: (line: string) => void): Promise<Comparison> {
  const refA = await captureReference(a.target, a.workload);
  const refB = await captureReference(b.target, b.workload);
  if (settings.sameBody && refA !== refB) {
    throw new Error(`${a.target.name} and ${b.target.name} disagree on the same query:\n  ${refA.slice(0, 400)}\n  ${refB.slice(0, 400)}`);
  }
  const warm = { durationSeconds: settings.warmupSeconds, connections: settings.connections };
  const warmA = await loadRound(a.target, a.workload, refA, warm, a.groups);
  const warmB = await loadRound(b.target, b.workload, refB, warm, b.groups);
  const roundsA: RoundResult[] = [];
  const roundsB: RoundResult[] = [];
  for (let i = 0; i < settings.rounds; i++) {
    const order = i % 2 === 0 ? [a, b] : [b, a];
    for (const c of order) {
      const result = await loadRound(c.target, c.workload, c === a ? refA : refB, settings, c.groups);
      (c === a ? roundsA : roundsB).push(result);
      log(`    ${c.target.name.padEnd(28)} ${result.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${String(result.latencyMs.p50).padStart(5)} ms${result.failures ? `  ${result.failures} FAILED` : ''}`);
      if (c === a) await settings.afterRoundOfA?.(roundsA.length - 1);
    }
  }
  const sa = summarise(a.target.name, roundsA, warmA.failures);
  const sb = summarise(b.target.name, roundsB, warmB.failures);
  sa.firstFailure ??= warmA.firstFailure;
  sb.firstFailure ??= warmB.firstFailure;
  return {
    a: sa,
    b: sb,
    throughputRatio: ratio(roundsA.map((r) => r.requestsPerSecond), roundsB.map((r) => r.requestsPerSecond)),
    latencyP50Ratio: ratio(roundsA.map((r) => r.latencyMs.p50), roundsB.map((r) => r.latencyMs.p50)),
    referenceBytes: refA.length,
    sameBody: refA === refB,
    failures: sa.failures + sb.failures,
  };
}
