import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CallerKind } from '@c360/shared';
import { ensureDatabase } from './dataset/database';
import { startProductionPlatform, type PlatformService } from '../tests/support/production-platform';
import { renderSoakReport, soakSummary, type SoakSample, type SoakRequest } from './soak/soak-report';

const USAGE = `npm run bench:soak [-- options]
  --minutes N     length of the run (default 5)
  --rate N        requests per second, sent on a fixed schedule whatever the answers take (default 20)
  --warmup S      seconds counted as warm-up: not in the RSS baseline or the verdict (default 60)
  --page N        customers per customer-360 page (default 5; 3 orders each)
  --customers N   demo customers seeded on first start (default 1000)
  --database NAME PostgreSQL database on 127.0.0.1:5432 (default c360_bench_soak; reused when seeded)`;

const QUERY = readFileSync(join(__dirname, '..', '..', 'bench', 'queries', 'customer-360.graphql'), 'utf8');
const SAMPLE_EVERY_MS = 5_000;

function options() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string' },
      rate: { type: 'string' },
      warmup: { type: 'string' },
      page: { type: 'string' },
      customers: { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return undefined;
  const positive = (name: keyof typeof values, fallback: number) => {
    const n = values[name] === undefined ? fallback : Number(values[name]);
    if (!(n > 0)) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  return {
    minutes: positive('minutes', 5),
    rate: positive('rate', 20),
    warmupSeconds: positive('warmup', 60),
    page: Math.round(positive('page', 5)),
    customers: Math.round(positive('customers', 1000)),
    databaseUrl: `postgres://postgres@127.0.0.1:5432/${values.database ?? 'c360_bench_soak'}`,
  };
}

/** The distinct error codes of an answer, e.g. "CONSENT_REQUIRED,DECISION_UNAVAILABLE". */
function codesOf(text: string): string {
  try {
    const answer = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    return [...new Set((answer.errors ?? []).map((e) => e.extensions?.code ?? 'error'))].sort().join(',') || 'none';
  } catch {
    return 'not JSON';
  }
}

/** Where two answers first differ, with some context (for the report). */
function difference(expected: string, got: string) {
  let at = 0;
  while (at < expected.length && expected[at] === got[at]) at++;
  return { at, expected: expected.slice(Math.max(0, at - 150), at + 150), got: got.slice(Math.max(0, at - 150), at + 150) };
}

/** Resident memory now (VmRSS), in MB; NaN when the process is gone. */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function main() {
  const o = options();
  if (!o) return void process.stdout.write(`${USAGE}\n`);
  await ensureDatabase(o.databaseUrl);
  const started = Date.now();
  process.stdout.write(`starting the platform (5 processes, NODE_ENV=production) on ${o.databaseUrl}; seeding ${o.customers} customers if empty\n`);
  // The soak measures steady serving, not the per-client limit: the helper lifts it for its one client.
  const platform = await startProductionPlatform({ databaseUrl: o.databaseUrl, demoCustomers: o.customers });
  const startupSeconds = (Date.now() - started) / 1000;
  const services: PlatformService[] = ['gateway', 'customers', 'transactions', 'offers', 'consent'];
  const pids = Object.fromEntries(services.map((s) => [s, platform.process(s).child.pid!]));
  // A service that dies during the soak is a finding: say which, and keep what it printed.
  let stopping = false;
  for (const service of services) {
    const child = platform.process(service);
    void child.exited.then((code) => {
      if (stopping) return;
      process.stderr.write(`${service} exited (${code ?? child.child.signalCode}) during the soak; its output is in bench/results/soak-${service}.log\n`);
      writeFileSync(`bench/results/soak-${service}.log`, child.output());
    });
  }
  const token = await platform.tokens.token(CallerKind.INTERNAL_APP, {}, '24h');
  const body = JSON.stringify({ query: QUERY, variables: { first: o.page, orders: 3 } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

  const requests: SoakRequest[] = [];
  const samples: SoakSample[] = [];
  // The reference answer (it holds the CONSENT_REQUIRED errors of fields the demo customers did not consent to): every answer must equal it.
  const reference = await fetch(platform.gatewayUrl, { method: 'POST', headers, body }).then((r) => r.text());
  const referenceCodes = codesOf(reference);
  let firstDifference: { at: number; expected: string; got: string } | undefined;
  const send = async (at: number) => {
    const t0 = performance.now();
    let outcome = 'ok';
    try {
      const response = await fetch(platform.gatewayUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
      const text = await response.text();
      if (response.status !== 200) outcome = `HTTP ${response.status}`;
      else if (text !== reference) {
        outcome = codesOf(text) !== referenceCodes ? `errors ${codesOf(text)}` : 'different body';
        firstDifference ??= difference(reference, text);
      }
    } catch (error) {
      // fetch says only "TypeError: fetch failed"; its cause says what the socket saw (e.g. UND_ERR_SOCKET).
      const cause = (error as { cause?: { code?: string } }).cause;
      outcome = cause?.code ? `${(error as Error).name} ${cause.code}` : (error as Error).name;
    }
    requests.push({ at, ms: performance.now() - t0, outcome });
  };

  const durationMs = o.minutes * 60_000;
  const intervalMs = 1000 / o.rate;
  const soakStart = performance.now();
  const inFlight = new Set<Promise<void>>();
  const sample = () => samples.push({ at: performance.now() - soakStart, load1: loadavg()[0], rssMb: Object.fromEntries(services.map((s) => [s, rssMb(pids[s])])) });
  sample();
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  const progress = setInterval(
    () =>
      process.stdout.write(
        `${Math.round((performance.now() - soakStart) / 1000)} s: ${requests.length} answered, ${requests.filter((r) => r.outcome !== 'ok').length} failed, load ${loadavg()[0].toFixed(1)}\n`,
      ),
    30_000,
  );
  // Open loop: request n leaves at n / rate whatever the earlier ones take, so slowness shows as latency, not as a lower rate.
  for (let n = 0; n * intervalMs < durationMs; n++) {
    const due = soakStart + n * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = send(due - soakStart);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }
  await Promise.all(inFlight);
  clearInterval(sampler);
  clearInterval(progress);
  sample();
  stopping = true;
  await platform.stop();

  const summary = soakSummary({ requests, samples, warmupMs: o.warmupSeconds * 1000, services });
  const run = {
    measuredAt: new Date().toISOString(),
    command: `npm run bench:soak -- --minutes ${o.minutes} --rate ${o.rate} --warmup ${o.warmupSeconds} --page ${o.page} --customers ${o.customers}`,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    settings: { ...o, query: 'bench/queries/customer-360.graphql', variables: { first: o.page, orders: 3 }, startupSeconds },
    summary,
    firstDifference,
    samples,
  };
  writeFileSync('bench/results/soak.json', `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync('bench/results/soak.md', renderSoakReport(run));
  process.stdout.write(`${renderSoakReport(run)}\nwritten: bench/results/soak.md, bench/results/soak.json\n`);
  process.exitCode = summary.verdict.pass ? 0 : 1;
}

main().catch((error: Error) => {
  process.stderr.write(`soak failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
