import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Comparison } from '../load/compare';
import type { RoundResult } from '../load/load-round';
import { round3, type Spread } from '../load/stats';
import type { R8Result } from '../experiments/r8-floor';
import type { R9Result } from '../experiments/r9-outbox';
import type { TargetCheck } from './targets';

export interface BenchResults {
  benchmark: 'customer-360 graph';
  mode: 'full' | 'smoke';
  measuredAt: string;
  command: string;
  durationSeconds?: number;
  settings: Record<string, unknown>;
  machine: Record<string, unknown>;
  dataSet: Record<string, unknown>;
  targets: TargetCheck[];
  r1?: Comparison;
  r2?: Comparison;
  r3?: unknown;
  r5?: unknown;
  r1AtRate?: { rate: number; round: RoundResult };
  r7: { measured: false; reason: string } | { measured: true; sameBody: boolean; comparison: Comparison; cpuMsPerRequest: { on: number; off: number } };
  r8?: R8Result;
  r9?: R9Result;
  machineLoad?: { before: string; after: string };
  peakRssMb: Record<string, number>;
  notes: string[];
  failures: number;
}

const s = (x: Spread, unit = '') => `${round3(x.median)}${unit} (${round3(x.min)}–${round3(x.max)})`;

function comparisonTable(c: Comparison): string[] {
  const groups = [...new Set([...Object.keys(c.a.cpuMsPerRequest), ...Object.keys(c.b.cpuMsPerRequest)])];
  const cell = (side: Comparison['a'], g: string) => (side.cpuMsPerRequest[g] ? s(side.cpuMsPerRequest[g]) : '–');
  return [
    `| | ${c.a.target} | ${c.b.target} |`,
    '|---|---|---|',
    `| requests/s, median (min–max) | ${s(c.a.requestsPerSecond)} | ${s(c.b.requestsPerSecond)} |`,
    `| latency p50 ms | ${s(c.a.latencyP50Ms)} | ${s(c.b.latencyP50Ms)} |`,
    `| latency p99 ms | ${s(c.a.latencyP99Ms)} | ${s(c.b.latencyP99Ms)} |`,
    ...groups.map((g) => `| CPU ms/request: ${g} | ${cell(c.a, g)} | ${cell(c.b, g)} |`),
    `| requests checked / wrong | ${c.a.requests} / ${c.a.failures} | ${c.b.requests} / ${c.b.failures} |`,
    '',
    `Throughput ratio ${c.a.target} ÷ ${c.b.target}: **${round3(c.throughputRatio.median)}** (per-pair ${round3(c.throughputRatio.min)}–${round3(c.throughputRatio.max)}); response body ${c.referenceBytes} bytes.`,
  ];
}

function r8Section(r8: R8Result): string[] {
  const rows = Object.entries(r8.totalCpuMsPerPage).map(([group, ms]) => `| platform: ${group} | ${round3(ms)} | ${round3((ms / r8.totalCpuMs) * 100)}% |`);
  return [
    '## R8: CPU per customer-360 page, whole platform ÷ same-work floor',
    '',
    `The page ran ${r8.statements} SQL statements (${r8.distinct} distinct), captured at the pg client of the subgraph process (after 30 warm pages, the most common statement count of 5 captured pages). The floor is one process on one connection running those ${r8.distinct} statements with the same parameters and serialising every row to JSON (${r8.floor.jsonBytesPerPage} bytes per page), measured over ${r8.floor.pages} pages right after each R1 round of our gateway (${r8.floorRuns.length} runs: ${r8.floorRuns.map(round3).join(', ')} ms; each part below is the median of the runs). Same work (every statement returned the same row count in every floor run as in the page): **${r8.sameWork}**${r8.mismatches.length ? ` (${r8.mismatches.join('; ')})` : ''}.`,
    '',
    '| | CPU ms per page | share |',
    '|---|---|---|',
    ...rows,
    `| **platform total** | **${round3(r8.totalCpuMs)}** | 100% |`,
    `| floor: node (run + serialise) | ${round3(r8.floor.nodeCpuMsPerPage)} | |`,
    `| floor: postgres backend | ${round3(r8.floor.postgresCpuMsPerPage)} | |`,
    `| floor: parallel workers | ${round3(r8.floor.parallelWorkerCpuMsPerPage)} | |`,
    `| **floor total** | **${round3(r8.floorCpuMsPerPage)}** | |`,
    '',
    `R8 = ${r8.ratio === null ? 'void (different work)' : `**${round3(r8.ratio)}**`} (target ≤ 2.0): the median of the per-round ratios ${r8.pairs.map(round3).join(', ')}, each R1 round of our gateway at saturation (the postgres group includes parallel workers) ÷ the floor run right after it, so drift of the machine's speed during the run moves both sides of each ratio alike.`,
    '',
  ];
}

export function renderMarkdown(r: BenchResults): string {
  const lines = [
    `# Customer-360 graph benchmark${r.mode === 'smoke' ? ' (SMOKE run: tiny data, numbers meaningless)' : ''}`,
    '',
    `Measured ${r.measuredAt} with \`${r.command}\`${r.durationSeconds ? ` in ${Math.round(r.durationSeconds / 60)} min` : ''}.`,
    '',
    `Machine: ${String(r.machine.cpuModel)}, ${String(r.machine.cores)} cores, ${String(r.machine.memoryGb)} GB; Node ${String(r.machine.node)}; PostgreSQL ${String(r.machine.postgres)}.`,
    `Packages: ${Object.entries(r.machine.packages as Record<string, string>).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    '',
    `Data set: ${JSON.stringify(r.dataSet.rows)} in database \`${String(r.dataSet.database)}\`, seed ${String(r.dataSet.seed)}; ${r.dataSet.reused ? `reused (seeded ${String(r.dataSet.seededAt)})` : 'seeded by this run'}; seeding took ${JSON.stringify(r.dataSet.seedSeconds)} s.`,
    `Load: ${JSON.stringify(r.settings)}.`,
    '',
    '## Targets',
    '',
    '| | what | value | target | result |',
    '|---|---|---|---|---|',
    ...r.targets.map((t) => `| ${t.id} | ${t.what} | ${t.value ?? '–'} | ${t.target} | **${t.status}**: ${t.detail} |`),
    '',
    `Wrong responses (non-200, errors, or a body different from the reference): **${r.failures}**.`,
    '',
  ];
  if (r.r1) lines.push('## R1: customer-360 page, our gateway ÷ plain @apollo/gateway', '', ...comparisonTable(r.r1), '');
  if (r.r1AtRate) {
    const { rate, round } = r.r1AtRate;
    lines.push(
      `## R1 at a fixed rate: ${rate} req/s (half the saturated throughput), our gateway`,
      '',
      `${round3(round.requestsPerSecond)} req/s served; latency p50 **${round.latencyMs.p50} ms**, p99 **${round.latencyMs.p99} ms**, mean ${round3(round.latencyMs.mean)} ms; ${round.requests} requests, ${round.failures} wrong.`,
      `CPU ms/request: ${Object.entries(round.cpuMsPerRequest).map(([g, ms]) => `${g} ${round3(ms)}`).join(', ')}.`,
      '',
    );
  }
  if (r.r2) lines.push('## R2: customer list, plain @apollo/gateway ÷ customers subgraph directly', '', ...comparisonTable(r.r2), '');
  if (r.r3) lines.push('## R3: SQL statements per customer-360 page', '', `Constant in the page size: **${(r.r3 as { total: number }[]).every((c, _, all) => c.total === all[0].total) ? 'yes' : 'no'}**.`, '', '```json', JSON.stringify(r.r3, null, 2), '```', '');
  if (r.r5) lines.push('## R5: deep keyset page ÷ first page (customers subgraph, sequential requests)', '', '```json', JSON.stringify(r.r5, null, 2), '```', '');
  lines.push('## R7: consent enforcement on ÷ off', '');
  if (r.r7.measured) lines.push(`Byte-identical bodies on both sides (sameBody): **${r.r7.sameBody}**. CPU ms/request (gateway + subgraphs + postgres): on ${round3(r.r7.cpuMsPerRequest.on)}, off ${round3(r.r7.cpuMsPerRequest.off)}.`, '', ...comparisonTable(r.r7.comparison), '');
  else lines.push(`Not measured: ${r.r7.reason}.`, '');
  if (r.r8) lines.push(...r8Section(r.r8));
  if (r.r9) lines.push(...r9Section(r.r9));
  if (r.machineLoad) lines.push('## Machine load (uptime)', '', `before: ${r.machineLoad.before}`, '', `after: ${r.machineLoad.after}`, '');
  lines.push('## Peak memory (VmHWM)', '', '| process | MB |', '|---|---|', ...Object.entries(r.peakRssMb).map(([k, v]) => `| ${k} | ${v} |`), '');
  lines.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

export function writeResults(base: string, results: BenchResults): void {
  mkdirSync(dirname(base), { recursive: true });
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${base}.md`, renderMarkdown(results));
}

export function r9Section(r: R9Result): string[] {
  const lines = [
    '## R9: recordOrder with the transactional outbox ÷ without (BENCH_OUTBOX=off)',
    '',
    `${r.ordersPerRound} orders per round and side (the same orders: customer, product, quantity, time; only externalId differs), ${r.connections} concurrent, ${r.rounds.length} rounds interleaved. Every response equal side against side (sameBody): **${r.sameBody}**.`,
    `CPU ms/order (our gateway + subgraphs + postgres): on ${round3(r.cpuMsPerOrder.on.median)} (${round3(r.cpuMsPerOrder.on.min)}–${round3(r.cpuMsPerOrder.on.max)}), off ${round3(r.cpuMsPerOrder.off.median)} (${round3(r.cpuMsPerOrder.off.min)}–${round3(r.cpuMsPerOrder.off.max)}); ratio **${round3(r.ratio.median)}** (pairs ${round3(r.ratio.min)}–${round3(r.ratio.max)}).`,
    `Each side's CPU is read after a quiet tail of ${r.tailMs.set} ms after its last answer, and on the outbox side only once its events are all delivered (longest tail ${round3(r.tailMs.longest)} ms): the dispatcher's work (claims, NATS publications, the webhook relay call, marking delivered) counts as the outbox's cost. A full round per side ran first, unmeasured.`,
    `Orders/s: on ${round3(r.ordersPerSecond.on.median)}, off ${round3(r.ordersPerSecond.off.median)}. Backlog delivered before the rounds: ${r.backlog.events} events in ${round3(r.backlog.seconds)} s.`,
    '',
    '| round | side | orders/s | p50 ms | p99 ms | CPU ms/order by process | wrong |',
    '|---|---|---|---|---|---|---|',
    ...r.rounds.flatMap((x, i) =>
      (['on', 'off'] as const).map((side) => `| ${i + 1} | ${side} | ${round3(x[side].ordersPerSecond)} | ${round3(x[side].latencyMs.p50)} | ${round3(x[side].latencyMs.p99)} | ${Object.entries(x[side].cpuMsPerOrder).map(([g, ms]) => `${g} ${round3(ms)}`).join(', ')} | ${x[side].failures} |`),
    ),
    '',
  ];
  if (r.nats.measured) {
    lines.push(
      `Events from commit to receipt on NATS JetStream (${r.nats.url}, dispatcher polling every ${r.nats.pollMs} ms): ${r.nats.events} order.recorded events, **${round3(r.nats.eventsPerSecond)} events/s** from the first order sent to the last event received (${round3(r.nats.committedPerSecond)} commits/s); per event, response to receipt p50 ${round3(r.nats.commitToReceiptMs.p50)} ms, p99 ${round3(r.nats.commitToReceiptMs.p99)} ms, max ${round3(r.nats.commitToReceiptMs.max)} ms.`,
      '',
    );
  } else lines.push(`NATS figures not measured: ${r.nats.reason}.`, '');
  if (r.backlogDrain) {
    const d = r.backlogDrain;
    lines.push(
      `Backlog: ${d.events} order.recorded events (one per customer) written in one transaction (as an import batch writes them) were delivered to NATS and the webhook relay by the running dispatcher in ${round3(d.seconds)} s: **${round3(d.eventsPerSecond)} events/s**${d.missing ? `, ${d.missing} MISSING` : ''}.`,
      '',
    );
  }
  return lines;
}
