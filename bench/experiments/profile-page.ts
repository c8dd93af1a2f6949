import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createBenchCallers } from '../setup/bench-callers';
import { startOurServers } from '../setup/server-processes';
import { captureReference, type Target } from '../load/graphql-target';
import { cpuMs, peakRssMb } from '../measure/proc-stats';
import { customer360 } from '../workloads';

/**
 * Profiling aid, not part of `npm run bench`: starts the subgraphs and our gateway over an already
 * seeded database and sends customer-360 pages, CONCURRENCY at a time (default 1: one after another). Run it as
 * `BENCH_CPU_PROF_DIR=DIR node dist/bench/experiments/profile-page.js DATABASE_URL [PAGES] [CONCURRENCY]`:
 * each server writes its CPU profile into DIR when stopped (leave the variable unset to measure without
 * the profiler's overhead). Prints CPU ms per page of each server process (utime+stime from /proc),
 * so two builds can be compared quickly, and each process's peak memory (VmHWM). With BENCH_BODY_FILE set, the first run saves the page's body
 * there and every later run (another build) fails unless it answers the same bytes.
 */
async function main() {
  const [databaseUrl, pagesArg, concurrencyArg] = process.argv.slice(2);
  if (!databaseUrl) throw new Error('usage: profile-page.js DATABASE_URL [PAGES] [CONCURRENCY]');
  const pages = Number(pagesArg ?? 300);
  const concurrency = Number(concurrencyArg ?? 1);
  const callers = await createBenchCallers();
  const servers = await startOurServers(databaseUrl, callers, '');
  try {
    const gateway: Target = { name: 'our gateway', url: servers.gateway.urls.gateway, headers: callers.internalBearer };
    const workload = customer360(20);
    const reference = await captureReference(gateway, workload);
    // Two builds must answer the same bytes: the first run saves its body, later runs compare with it
    // (but for the sealed cursors: each run seals them with its own new key).
    const bodyFile = process.env.BENCH_BODY_FILE;
    const unsealed = (body: string) => body.replace(/"endCursor":"[^"]*"/g, '"endCursor":"(sealed)"');
    if (bodyFile && existsSync(bodyFile) && unsealed(readFileSync(bodyFile, 'utf8')) !== unsealed(reference)) {
      writeFileSync(`${bodyFile}.differs`, reference);
      throw new Error(`the page differs from the body saved in ${bodyFile} (this run's body: ${bodyFile}.differs)`);
    }
    if (bodyFile && !existsSync(bodyFile)) writeFileSync(bodyFile, reference);
    for (let i = 0; i < 50; i++) await captureReference(gateway, workload); // warm-up
    const pids = [servers.subgraphs.pid, servers.gateway.pid];
    const before = pids.map(cpuMs);
    const started = process.hrtime.bigint();
    let sent = 0;
    const client = async () => {
      while (sent < pages) {
        const i = sent++;
        const body = await captureReference(gateway, workload);
        if (body !== reference) throw new Error(`page ${i} differs from the reference`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const after = pids.map(cpuMs);
    const perPage = (i: number) => ((after[i] - before[i]) / pages).toFixed(2);
    console.log(JSON.stringify({ pages, concurrency, bodyBytes: reference.length, subgraphsCpuMsPerPage: perPage(0), gatewayCpuMsPerPage: perPage(1), wallMsPerPage: (wallMs / pages).toFixed(2), peakRssMb: { subgraphs: peakRssMb(pids[0]), gateway: peakRssMb(pids[1]) } }));
  } finally {
    await servers.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
