import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { useCursorKey } from '@c360/shared';
import { prepareDataSet } from './dataset/prepare-dataset';
import { CONSENT_SWITCH, consentSwitchPresent } from './experiments/consent-switch';
import { countStatements } from './experiments/r3-statements';
import { measureDeepPage } from './experiments/r5-deep-page';
import { captureStatementsOfPage, measureR8, pairedFloors } from './experiments/r8-floor';
import { measureR9 } from './experiments/r9-outbox';
import { execFileSync } from 'node:child_process';
import { compare, type CompareSettings, type Comparison } from './load/compare';
import { captureReference } from './load/graphql-target';
import type { Target } from './load/graphql-target';
import { peakRssMb } from './measure/proc-stats';
import { USAGE, readOptions } from './options';
import { describeMachine } from './report/machine';
import { checkBound, checkStatements, informational } from './report/targets';
import { writeResults, type BenchResults } from './report/write-results';
import type { ServerProcess } from './servers/ipc';
import { createBenchCallers } from './setup/bench-callers';
import { grantEveryConsent } from './setup/all-consents-page';
import { loadRound, type RoundResult } from './load/load-round';
import { postgresGroup, processGroup, startOurServers, startPlainGateway, type ServerSet } from './setup/server-processes';
import { customer360, customerList, cursorAtRow } from './workloads';

const log = (line: string) => process.stdout.write(`${line}\n`);
const PAGE = 20;

/** CPU per request summed over every process group of one side. */
const commandLine = (smoke: boolean) => {
  const args = process.argv.slice(2).filter((a) => a !== '--smoke');
  return `npm run bench${smoke ? ':smoke' : ''}${args.length ? ` -- ${args.join(' ')}` : ''}`;
};

/** The machine is shared: the load average is part of every figure. */
const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

const totalCpu = (side: Comparison['a']) => Object.values(side.cpuMsPerRequest).reduce((sum, x) => sum + x.median, 0);

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (!options) {
    log(USAGE);
    return 0;
  }
  const started = performance.now();
  const loadBefore = uptime();
  const notes: string[] = [];
  log(`== data set (${options.customers.toLocaleString('en')} customers, seed ${options.seed})`);
  const dataSet = await prepareDataSet(options.databaseUrl, { seed: options.seed, customers: options.customers }, log);
  if (dataSet.seedSeconds.total > 300) {
    notes.push(`Seeding ${options.customers.toLocaleString('en')} customers with the subgraphs' own demo seeders took ${dataSet.seedSeconds.total} s (> 5 min, on a machine shared with other jobs); it is done once and reused while seed, size and migrations match.`);
  }
  const callers = await createBenchCallers();
  // cursorAtRow seals cursors the way the benchmark's subgraph processes do.
  useCursorKey(callers.callerSigningKey);
  const processes: ServerProcess[] = [];
  const sets: ServerSet[] = [];
  const pg = postgresGroup(options.databaseUrl);
  const settings: CompareSettings = { durationSeconds: options.durationSeconds, connections: options.connections, warmupSeconds: options.warmupSeconds, rounds: options.rounds, sameBody: true };
  try {
    log('== servers (one child process each: subgraphs, our gateway, plain gateway)');
    const ours = await startOurServers(options.databaseUrl, callers, '');
    sets.push(ours);
    const plain = await startPlainGateway(ours.subgraphs.urls, callers);
    processes.push(ours.subgraphs, ours.gateway, plain);
    const ourGateway: Target = { name: 'our gateway (auth, signing)', url: ours.gateway.urls.gateway, headers: callers.internalBearer };
    const plainGateway: Target = { name: 'plain @apollo/gateway', url: plain.urls.gateway, headers: {} };
    const customersDirect: Target = { name: 'customers subgraph directly', url: ours.subgraphs.urls.customers, headers: { 'x-c360-caller': callers.fixedCallerHeaders.customers } };
    const [sub, ourGw, plainGw] = [processGroup(ours.subgraphs), processGroup(ours.gateway), processGroup(plain)];

    notes.push('The customer-360 query (bench/queries/customer-360.graphql) selects profile fields, the last 5 orders, the purchase summary, value scores, consents and nextBestOffers(first: 3) with reasons: all four subgraphs and their internal contracts (consent decisions, segment memberships, targeting facts).');

    // R8's statements are captured first; its floor runs right after each R1 round of our gateway.
    const captured = await captureStatementsOfPage(ourGateway, customer360(PAGE), ours.subgraphs);
    const r8Floors = pairedFloors(options.databaseUrl, captured, options.smoke ? 50 : 300);

    log(`== R1: customer-360 page (first ${PAGE}), our gateway vs plain gateway (and R8's floor after each round of ours)`);
    const r1 = await compare(
      { target: ourGateway, workload: customer360(PAGE), groups: [ourGw, sub, pg] },
      { target: plainGateway, workload: customer360(PAGE), groups: [plainGw, sub, pg] },
      { ...settings, afterRoundOfA: r8Floors.afterRound },
      log,
    );

    // Saturation latency is mostly queueing; at a fixed rate below capacity it is what a caller sees.
    const rate = Math.max(1, Math.round(r1.a.requestsPerSecond.median / 2));
    log(`== R1 at a fixed rate: ${rate} req/s (half the saturated throughput), our gateway`);
    const atRate: RoundResult = await loadRound(ourGateway, customer360(PAGE), await captureReference(ourGateway, customer360(PAGE)), { durationSeconds: settings.durationSeconds * settings.rounds, connections: settings.connections, rate }, [ourGw, sub, pg]);
    log(`    ${atRate.requestsPerSecond.toFixed(1)} req/s  p50 ${atRate.latencyMs.p50} ms  p99 ${atRate.latencyMs.p99} ms${atRate.failures ? `  ${atRate.failures} FAILED` : ''}`);

    log(`== R2: customer list (first ${PAGE}), plain gateway vs customers subgraph directly`);
    const r2 = await compare(
      { target: plainGateway, workload: customerList(PAGE), groups: [plainGw, sub, pg] },
      { target: customersDirect, workload: customerList(PAGE), groups: [sub, pg] },
      settings,
      log,
    );

    log('== R3: SQL statements per customer-360 page');
    const r3 = await countStatements(ourGateway, ours.subgraphs, [10, 50]);
    for (const c of r3) log(`    first=${c.first}: ${c.total} statements ${JSON.stringify(c.byService)}`);
    const r3Constant = r3.every((c) => c.total === r3[0].total && JSON.stringify(c.byService) === JSON.stringify(r3[0].byService));
    log(`    constant in the page size: ${r3Constant ? 'yes' : 'NO'}`);
    notes.push(
      `R3 (${JSON.stringify(r3[0]?.byService ?? {})}): every statement is one batched read of one data need, the same at first=10 and first=50. ` +
        'customers: the page (the count is skipped when totalCount is not selected). transactions: orders page, purchase summary, value rows; for the offer engine (offerTargetingFacts): values, purchases, co-purchase pairs, stock. ' +
        'consent: current consents (purpose and partner keys need no lookup), one decision batch per purpose that needs the ledger: PROFILING for value scores and again inside the targeting call, MARKETING and PERSONALISATION for offers (SERVICE callers need none: standing decision). ' +
        'offers: live offers, exposures. The bound of 5 is below the number of distinct data needs of this query across four subgraphs, each of which owns its tables; meeting it would take merging unrelated reads into combined statements (e.g. orders page with purchase summary) or one subgraph reading another\'s data; we chose clear, separately batched reads.',
    );

    log('== R8: CPU per customer-360 page, whole platform ÷ same-work floor');
    const r8 = measureR8(captured, r1.a, r8Floors.floors);
    log(`    ${r8.statements} statements (${r8.distinct} distinct); floor ${r8.floorCpuMsPerPage.toFixed(2)} ms (node ${r8.floor.nodeCpuMsPerPage.toFixed(2)}, postgres ${r8.floor.postgresCpuMsPerPage.toFixed(2)}, workers ${r8.floor.parallelWorkerCpuMsPerPage.toFixed(2)}; runs ${r8.floorRuns.map((f) => f.toFixed(1)).join(', ')}); platform ${r8.totalCpuMs.toFixed(2)} ms ${JSON.stringify(r8.totalCpuMsPerPage)}; per-round ratios ${r8.pairs.map((p) => p.toFixed(2)).join(', ')}; same work: ${r8.sameWork}`);
    for (const m of r8.mismatches) log(`    ${m}`);

    const deepRow = Math.min(90_000, Math.floor(options.customers * 0.9));
    log(`== R5: keyset page after row ${deepRow} vs first page`);
    const r5 = await measureDeepPage(customersDirect, customerList(PAGE), customerList(PAGE, await cursorAtRow(options.databaseUrl, deepRow)), deepRow, options.rounds * 2, options.smoke ? 10 : 50);
    log(`    first ${r5.first.latencyMs.median.toFixed(2)} ms, deep ${r5.deep.latencyMs.median.toFixed(2)} ms`);

    let r7: BenchResults['r7'] = { measured: false, reason: `enforcement switch not present (no service reads ${CONSENT_SWITCH.name})` };
    if (consentSwitchPresent()) {
      log(`== R7: consent enforcement on vs off (${CONSENT_SWITCH.name}=${CONSENT_SWITCH.off})`);
      const off = await startOurServers(options.databaseUrl, callers, '-enforcement-off', { [CONSENT_SWITCH.name]: CONSENT_SWITCH.off });
      sets.push(off);
      processes.push(off.subgraphs, off.gateway);
      const offGateway: Target = { ...ourGateway, name: 'our gateway, enforcement off', url: off.gateway.urls.gateway };
      // Same work on both sides: a page whose customers granted every consent purpose, so enforcement withholds nothing.
      const r7After = await cursorAtRow(options.databaseUrl, Math.floor(options.customers / 2));
      const grants = await grantEveryConsent(ourGateway, PAGE, r7After);
      log(`    page after row ${Math.floor(options.customers / 2)}: ${grants.customers} customers, ${grants.granted} consents granted now`);
      const comparison = await compare(
        { target: ourGateway, workload: customer360(PAGE, r7After), groups: [ourGw, sub, pg] },
        { target: offGateway, workload: customer360(PAGE, r7After), groups: [processGroup(off.gateway), processGroup(off.subgraphs), pg] },
        { ...settings, sameBody: false },
        log,
      );
      log(`    sameBody: ${comparison.sameBody}`);
      r7 = { measured: true, sameBody: comparison.sameBody, comparison, cpuMsPerRequest: { on: totalCpu(comparison.a), off: totalCpu(comparison.b) } };
    }

    log(`== R9: recordOrder with the outbox vs without (BENCH_OUTBOX=off), and events/s to NATS`);
    const r9 = await measureR9({
      databaseUrl: options.databaseUrl,
      callers,
      ordersPerRound: options.smoke ? 100 : 1000,
      rounds: options.rounds,
      connections: options.connections,
      burst: options.smoke ? 300 : 2000,
      backlogEvents: options.smoke ? 2_000 : 50_000,
      natsUrl: process.env.NATS_URL || 'nats://127.0.0.1:4222',
      pg,
      log,
    });
    log(`    sameBody: ${r9.sameBody}; CPU/order on ÷ off: ${r9.ratio.median.toFixed(3)}`);

    const peak = Object.fromEntries(processes.map((p) => [p.name, peakRssMb(p.pid)]));
    // R7 on different bodies would compare different work: that is a failed run, not a ratio.
    const failures = r1.failures + atRate.failures + r2.failures + r5.failures + (r7.measured ? r7.comparison.failures + (r7.sameBody ? 0 : 1) : 0) + r9.failures + (r9.sameBody ? 0 : 1);
    const valueBench = join(process.cwd(), 'bench', 'value-refresh.ts');
    notes.push(
      existsSync(valueBench)
        ? 'The value-analysis refresh time is measured separately by bench/value-refresh.ts (npm run bench:value), results in bench/results/value-refresh.json.'
        : 'The value-analysis refresh benchmark (bench/value-refresh.ts) is not in this tree yet.',
      `R1 CPU ms/request, gateway process only: ours ${r1.a.cpuMsPerRequest[ourGw.name].median.toFixed(2)} vs plain ${r1.b.cpuMsPerRequest[plainGw.name].median.toFixed(2)}; all processes: ${totalCpu(r1.a).toFixed(2)} vs ${totalCpu(r1.b).toFixed(2)}.`,
      'The plain gateway sends one caller header per subgraph signed once at start (24 h TTL): the minimum the subgraphs need to answer, a constant header per request with no crypto.',
      `The load generator (autocannon) runs in the parent process on the same ${cpus().length} cores as the servers and PostgreSQL, so absolute numbers are lower than on separate machines; ratios are measured side by side under the same conditions.`,
      'postgres = the PostgreSQL backends connected by the services (pg_stat_activity, application_name c360-*) plus their parallel workers, CPU from /proc. Parallel workers live for one query, so the postmaster\'s children are listed every 4 ms during a round and a worker counts with the last CPU time seen when its title names one of our backends as leader (a lower bound: up to 4 ms per worker can be missed). pg_stat_statements is not loaded on this server (needs shared_preload_libraries and a restart), and the postmaster\'s reaped-children CPU includes every other database on a shared server.',
      'All servers run with NODE_ENV=production (graphql-js development-mode checks off), as npm start now does.',
      'R9 (outbox): the "on" side runs as production does (order.recorded written in the order\'s transaction; a dispatcher per subgraph polling every 500 ms publishes to NATS JetStream when reachable), so its CPU includes delivery; the "off" side runs with the benchmark-only BENCH_OUTBOX=off (read only by bench/servers/subgraphs-main.ts) and no dispatcher. The postgres group counts every c360 backend of the database, so the on-side dispatchers\' idle polls (a claim statement per subgraph every 500 ms) also count during off rounds: a bias toward a lower ratio of that size.',
      `R7 runs on the page after row ${Math.floor(options.customers / 2)}, whose customers the bench has granted every non-partner consent purpose (through the gateway, only what is missing), so enforcement on and off must return byte-identical bodies (sameBody ${r7.measured ? r7.sameBody : 'n/a'}); a different body fails the run.`,
    );
    const results: BenchResults = {
      benchmark: 'customer-360 graph',
      mode: options.smoke ? 'smoke' : 'full',
      measuredAt: new Date().toISOString(),
      command: commandLine(options.smoke),
      durationSeconds: Math.round((performance.now() - started) / 1000),
      settings: { page: PAGE, ...settings, sameBody: undefined },
      machine: await describeMachine(options.databaseUrl),
      dataSet: { ...dataSet },
      targets: [
        checkBound('R1', 'customer-360 throughput, our gateway ÷ plain gateway (aim ≥ 1.0)', r1.throughputRatio.median, 0.9, 'atLeast'),
        informational('R2', 'customer list throughput, plain gateway ÷ customers subgraph directly (what federation itself costs)', r2.throughputRatio.median),
        checkStatements(r3, 10),
        checkBound('R5', 'latency of the page after row ~90,000 ÷ first page', r5.ratio.median, 2, 'atMost'),
        checkBound('R8', 'CPU per customer-360 page, whole platform ÷ same-work floor', r8.ratio, 2, 'atMost', r8.sameWork ? undefined : 'void: the floor returned different rows than the page'),
        checkBound('R7', 'CPU per request, enforcement on ÷ off', r7.measured ? r7.cpuMsPerRequest.on / r7.cpuMsPerRequest.off : null, 1.1, 'atMost', r7.measured ? undefined : r7.reason),
        checkBound('R9', 'CPU per recordOrder, with the outbox ÷ without (gateway + subgraphs + postgres)', r9.sameBody ? r9.ratio.median : null, 1.15, 'atMost', r9.sameBody ? undefined : 'void: the two sides answered differently'),
      ],
      r1,
      r1AtRate: { rate, round: atRate },
      r2,
      r3,
      r5,
      r7,
      r8,
      r9,
      machineLoad: { before: loadBefore, after: uptime() },
      peakRssMb: peak,
      notes,
      failures,
    };
    writeResults(join(process.cwd(), options.resultsBase), results);
    log(`\n${results.targets.map((t) => `${t.id} ${t.status.padEnd(12)} ${t.value ?? ''} (${t.target}) ${t.detail}`).join('\n')}`);
    log(`wrong responses: ${failures}; written to ${options.resultsBase}.md and .json in ${results.durationSeconds} s`);
    if (failures) {
      if (r7.measured && !r7.sameBody) log('  R7: enforcement on and off returned different bodies (sameBody false)');
      for (const c of [r1.a, r1.b, r2.a, r2.b]) if (c.firstFailure) log(`  ${c.target}: ${c.firstFailure}`);
      if (r5.firstFailure) log(`  R5: ${r5.firstFailure}`);
    }
    return failures ? 1 : 0;
  } finally {
    for (const p of processes.filter((p) => !sets.some((s) => s.gateway === p || s.subgraphs === p))) await p.stop();
    for (const set of sets) await set.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
