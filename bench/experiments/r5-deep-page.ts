import { captureReference, requestBody, type Target, type Workload } from '../load/graphql-target';
import { median, spread, type Spread } from '../load/stats';

export interface PageLatency {
  label: string;
  latencyMs: Spread;
  samples: number;
}

export interface DeepPageResult {
  first: PageLatency;
  deep: PageLatency;
  deepRow: number;
  ratio: Spread;
  failures: number;
  firstFailure?: string;
}

/**
 * Sequential requests (one at a time, so latency is not queueing), interleaved in rounds:
 * the first page and a page starting deep in the list, each checked against its reference.
 */
export async function measureDeepPage(target: Target, first: Workload, deep: Workload, deepRow: number, rounds: number, perRound: number): Promise<DeepPageResult> {
  const refs = new Map([[first, await captureReference(target, first)], [deep, await captureReference(target, deep)]]);
  const samples = new Map<Workload, number[][]>([[first, []], [deep, []]]);
  let failures = 0;
  let firstFailure: string | undefined;
  const timeOne = async (workload: Workload) => {
    const started = performance.now();
    const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body: requestBody(workload) });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 || text !== refs.get(workload)) {
      failures++;
      firstFailure ??= `HTTP ${response.status}: ${text.slice(0, 300)}`;
    }
    return ms;
  };
  for (let i = 0; i < 20; i++) for (const w of [first, deep]) await timeOne(w); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const w of r % 2 === 0 ? [first, deep] : [deep, first]) {
      const round: number[] = [];
      for (let k = 0; k < perRound; k++) round.push(await timeOne(w));
      samples.get(w)!.push(round);
    }
  }
  const summary = (w: Workload, label: string): PageLatency => ({ label, latencyMs: spread(samples.get(w)!.map(median)), samples: samples.get(w)!.flat().length });
  const perRoundRatio = samples.get(deep)!.map((round, i) => median(round) / median(samples.get(first)![i]));
  return {
    first: summary(first, 'first page'),
    deep: summary(deep, `page after row ${deepRow}`),
    deepRow,
    ratio: { median: median(samples.get(deep)!.flat()) / median(samples.get(first)!.flat()), min: Math.min(...perRoundRatio), max: Math.max(...perRoundRatio) },
    failures,
    firstFailure,
  };
}
