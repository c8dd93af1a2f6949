/** One request of the soak: when it was due (ms after the start), how long it took, 'ok' or what went wrong. */
export interface SoakRequest {
  at: number;
  ms: number;
  outcome: string;
}

/** Every few seconds: resident memory of each process and the machine's 1-minute load. */
export interface SoakSample {
  at: number;
  load1: number;
  rssMb: Record<string, number>;
}

export const SOAK_TARGETS = { errorRate: 0, rssGrowthPct: 10, p99Drift: 1.5 } as const;
/** RSS is averaged over this window at the end of warm-up and at the end: one GC cycle does not decide it. */
const RSS_WINDOW_MS = 30_000;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function soakSummary(input: { requests: SoakRequest[]; samples: SoakSample[]; warmupMs: number; services: string[] }) {
  const { requests, samples, warmupMs, services } = input;
  const failures: Record<string, number> = {};
  for (const r of requests) if (r.outcome !== 'ok') failures[r.outcome] = (failures[r.outcome] ?? 0) + 1;
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);

  const minutes = Math.ceil(Math.max(...requests.map((r) => r.at), 0) / 60_000) || 1;
  const perMinute = Array.from({ length: minutes }, (_, m) => {
    const inMinute = requests.filter((r) => r.at >= m * 60_000 && r.at < (m + 1) * 60_000);
    const sorted = inMinute.map((r) => r.ms).sort((a, b) => a - b);
    const load = samples.filter((s) => s.at >= m * 60_000 && s.at < (m + 1) * 60_000).map((s) => s.load1);
    return {
      minute: m + 1,
      warmup: (m + 1) * 60_000 <= warmupMs,
      requests: inMinute.length,
      failed: inMinute.filter((r) => r.outcome !== 'ok').length,
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      maxMs: round(sorted[sorted.length - 1] ?? NaN),
      load1: round(mean(load), 2),
    };
  });

  const end = samples.length ? samples[samples.length - 1].at : 0;
  const baseline = samples.filter((s) => s.at >= warmupMs && s.at < warmupMs + RSS_WINDOW_MS);
  const last = samples.filter((s) => s.at > end - RSS_WINDOW_MS);
  const rss = Object.fromEntries(
    services.map((service) => {
      const warmupEndMb = mean(baseline.map((s) => s.rssMb[service]));
      const endMb = mean(last.map((s) => s.rssMb[service]));
      return [
        service,
        { warmupEndMb: round(warmupEndMb), endMb: round(endMb), growthPct: round(((endMb - warmupEndMb) / warmupEndMb) * 100), peakMb: round(Math.max(...samples.map((s) => s.rssMb[service]))) },
      ];
    }),
  );

  const measured = perMinute.filter((m) => !m.warmup);
  const p99Drift = measured.length >= 2 ? round(measured[measured.length - 1].p99Ms / measured[0].p99Ms, 2) : NaN;
  const loads = samples.map((s) => s.load1);
  const errorRate = requests.length ? failed / requests.length : NaN;
  const rssOk = Object.values(rss).every((r) => r.growthPct < SOAK_TARGETS.rssGrowthPct);
  const verdict = {
    errorRate: errorRate === SOAK_TARGETS.errorRate,
    rssGrowth: rssOk,
    p99Stable: Number.isFinite(p99Drift) && p99Drift <= SOAK_TARGETS.p99Drift,
    pass: false,
  };
  verdict.pass = verdict.errorRate && verdict.rssGrowth && verdict.p99Stable;
  return {
    requests: requests.length,
    failed,
    failures,
    errorRate,
    overall: {
      p50Ms: round(
        percentile(
          requests.map((r) => r.ms).sort((a, b) => a - b),
          50,
        ),
      ),
      p99Ms: round(
        percentile(
          requests.map((r) => r.ms).sort((a, b) => a - b),
          99,
        ),
      ),
    },
    perMinute,
    rss,
    p99Drift,
    load1: { min: round(Math.min(...loads), 2), mean: round(mean(loads), 2), max: round(Math.max(...loads), 2) },
    verdict,
  };
}

type Summary = ReturnType<typeof soakSummary>;

export function renderSoakReport(run: { measuredAt: string; command: string; machine: Record<string, unknown>; settings: Record<string, unknown>; summary: Summary }): string {
  const s = run.summary;
  const mark = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
  const lines = [
    '# Soak: customer-360 page at a fixed request rate',
    '',
    `Measured ${run.measuredAt} with \`${run.command}\`.`,
    '',
    `Machine: ${JSON.stringify(run.machine)}. Shared with other jobs: 1-minute load average during the run min ${s.load1.min}, mean ${s.load1.mean}, max ${s.load1.max}.`,
    `Settings: ${JSON.stringify(run.settings)}.`,
    '',
    'The platform runs as production does: the gateway and each subgraph in its own process from its built entry point, `NODE_ENV=production`, on PostgreSQL; one client with a real INTERNAL_APP token (per-client rate limit lifted for it). Requests leave on a fixed schedule whatever earlier answers take (open loop). A request counts as failed unless it is HTTP 200 with a body byte-identical to the reference answer taken before the run (which carries the CONSENT_REQUIRED errors of fields the demo customers did not consent to).',
    '',
    '## Verdict',
    '',
    '| target | value | result |',
    '|---|---|---|',
    `| error rate = 0 | ${s.failed} of ${s.requests} (${(s.errorRate * 100).toFixed(3)}%) | ${mark(s.verdict.errorRate)} |`,
    `| RSS growth after warm-up < ${SOAK_TARGETS.rssGrowthPct}% (every process) | max ${Math.max(...Object.values(s.rss).map((r) => r.growthPct))}% | ${mark(s.verdict.rssGrowth)} |`,
    `| p99 stable: last minute ÷ first minute after warm-up ≤ ${SOAK_TARGETS.p99Drift} | ${s.p99Drift} | ${mark(s.verdict.p99Stable)} |`,
    '',
    s.failed ? `Failures by kind: ${JSON.stringify(s.failures)}` : 'No failed request.',
    '',
    `Overall latency: p50 ${s.overall.p50Ms} ms, p99 ${s.overall.p99Ms} ms.`,
    '',
    '## Per minute',
    '',
    '| minute | warm-up | requests | failed | p50 ms | p99 ms | max ms | load1 |',
    '|---|---|---|---|---|---|---|---|',
    ...s.perMinute.map((m) => `| ${m.minute} | ${m.warmup ? 'yes' : ''} | ${m.requests} | ${m.failed} | ${m.p50Ms} | ${m.p99Ms} | ${m.maxMs} | ${m.load1} |`),
    '',
    '## Resident memory (VmRSS, mean of the samples in 30 s windows)',
    '',
    '| process | end of warm-up MB | end MB | growth | peak MB |',
    '|---|---|---|---|---|',
    ...Object.entries(s.rss).map(([name, r]) => `| ${name} | ${r.warmupEndMb} | ${r.endMb} | ${r.growthPct}% | ${r.peakMb} |`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
