import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDataSet } from './dataset/prepare-dataset';
import { measureR9 } from './experiments/r9-outbox';
import { USAGE, readOptions } from './options';
import { describeMachine } from './report/machine';
import { r9Section } from './report/write-results';
import { createBenchCallers } from './setup/bench-callers';
import { postgresGroup } from './setup/server-processes';

const log = (line: string) => process.stdout.write(`${line}\n`);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** R9 alone (npm run bench:outbox): the outbox's cost on recordOrder and events/s to NATS, on the graph benchmark's data set. */
async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (!options) {
    log(USAGE);
    return 0;
  }
  const loadBefore = uptime();
  log(`== data set (${options.customers.toLocaleString('en')} customers, seed ${options.seed})`);
  const dataSet = await prepareDataSet(options.databaseUrl, { seed: options.seed, customers: options.customers }, log);
  const callers = await createBenchCallers();
  log('== R9: recordOrder with the outbox vs without (BENCH_OUTBOX=off), and events/s to NATS');
  const r9 = await measureR9({
    databaseUrl: options.databaseUrl,
    callers,
    ordersPerRound: options.smoke ? 100 : 1000,
    rounds: options.rounds,
    connections: options.connections,
    burst: options.smoke ? 300 : 2000,
    backlogEvents: options.smoke ? 2_000 : 50_000,
    natsUrl: process.env.NATS_URL || 'nats://127.0.0.1:4222',
    pg: postgresGroup(options.databaseUrl),
    log,
  });
  const loadAfter = uptime();
  const base = join(process.cwd(), 'bench', 'results', options.smoke ? 'outbox-smoke' : 'outbox');
  const results = { benchmark: 'R9 outbox', measuredAt: new Date().toISOString(), command: `npm run bench:outbox -- ${process.argv.slice(2).join(' ')}`.trim(), machine: await describeMachine(options.databaseUrl), load: { before: loadBefore, after: loadAfter }, dataSet, r9 };
  mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    `${base}.md`,
    [`# ${results.benchmark} (${results.measuredAt})`, '', `\`${results.command}\`; ${options.customers.toLocaleString('en')} customers; ${results.machine.cores} cores (${results.machine.cpuModel}), PostgreSQL ${results.machine.postgres}.`, '', `Load before: ${loadBefore}`, '', `Load after: ${loadAfter}`, '', ...r9Section(r9)].join('\n'),
  );
  const status = r9.sameBody ? (r9.ratio.median <= 1.15 ? 'PASS' : 'MISS') : 'VOID (sides answered differently)';
  log(`R9 ${status} ${r9.ratio.median.toFixed(3)} (≤ 1.15); failures ${r9.failures}; written to ${base}.md and .json`);
  return r9.failures || !r9.sameBody ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
