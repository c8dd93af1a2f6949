import 'reflect-metadata';
import { SERVER_NODE_FLAGS, useCursorKey } from '@c360/shared';
import { compare } from '../load/compare';
import type { Target } from '../load/graphql-target';
import { peakRssMb } from '../measure/proc-stats';
import { createBenchCallers } from '../setup/bench-callers';
import { postgresGroup, processGroup, startOurServers } from '../setup/server-processes';
import { customer360 } from '../workloads';

/**
 * Experiment, not part of `npm run bench`: the customer-360 page at saturation on two server sets
 * over one seeded database, one with production's V8 flags (SERVER_NODE_FLAGS) and one with node's
 * defaults, in interleaved rounds (as R1), so drift of a shared machine hits both sides alike.
 * Prints CPU ms per page by process and peak memory of each side.
 * `node dist/bench/experiments/runtime-flags-ab.js DATABASE_URL [ROUNDS] [SECONDS]`
 */
async function main() {
  const [databaseUrl, roundsArg, secondsArg] = process.argv.slice(2);
  if (!databaseUrl) throw new Error('usage: runtime-flags-ab.js DATABASE_URL [ROUNDS] [SECONDS]');
  const callers = await createBenchCallers();
  useCursorKey(callers.callerSigningKey);
  const flagged = await startOurServers(databaseUrl, callers, '-flags');
  // NODE_OPTIONS emptied too: run inside the image, the defaults side would otherwise inherit the flags.
  const bare = await startOurServers(databaseUrl, callers, '-defaults', { NODE_OPTIONS: '' }, []);
  try {
    const pg = postgresGroup(databaseUrl);
    const target = (name: string, url: string): Target => ({ name, url, headers: callers.internalBearer });
    const result = await compare(
      { target: target(`flags ${SERVER_NODE_FLAGS.join(' ')}`, flagged.gateway.urls.gateway), workload: customer360(20), groups: [processGroup(flagged.gateway), processGroup(flagged.subgraphs), pg] },
      { target: target('node defaults', bare.gateway.urls.gateway), workload: customer360(20), groups: [processGroup(bare.gateway), processGroup(bare.subgraphs), pg] },
      { durationSeconds: Number(secondsArg ?? 10), connections: 10, warmupSeconds: 5, rounds: Number(roundsArg ?? 4), sameBody: true },
      (line) => console.log(line),
    );
    for (const side of [result.a, result.b]) {
      const cpu = Object.entries(side.cpuMsPerRequest).map(([group, s]) => `${group} ${s.median.toFixed(2)} (${s.min.toFixed(2)}-${s.max.toFixed(2)})`);
      console.log(`${side.target}: ${side.requestsPerSecond.median.toFixed(1)} req/s; CPU ms/page ${cpu.join(', ')}`);
    }
    console.log(`peak MB: ${JSON.stringify(Object.fromEntries([flagged, bare].flatMap((s) => [s.subgraphs, s.gateway]).map((p) => [p.name, peakRssMb(p.pid)])))}; sameBody ${result.sameBody}, failures ${result.failures}`);
  } finally {
    await Promise.all([flagged.stop(), bare.stop()]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
