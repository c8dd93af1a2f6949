import 'reflect-metadata';
import { CALLER_HEADER } from '@c360/shared';
import { createBenchCallers } from '../setup/bench-callers';
import { startOurServers } from '../setup/server-processes';
import { cpuMs } from '../measure/proc-stats';

/**
 * Profiling aid, not part of `npm run bench`: the fixed CPU cost of one hop into the subgraphs
 * process (`{ __typename }` to each subgraph, signed as the bench's internal caller), REQUESTS
 * times one after another. `node dist/bench/experiments/hop-cost.js DATABASE_URL [REQUESTS]`;
 * with BENCH_CPU_PROF_DIR set the servers write CPU profiles.
 */
async function main() {
  const [databaseUrl, requestsArg] = process.argv.slice(2);
  if (!databaseUrl) throw new Error('usage: hop-cost.js DATABASE_URL [REQUESTS]');
  const requests = Number(requestsArg ?? 2000);
  const callers = await createBenchCallers();
  const servers = await startOurServers(databaseUrl, callers, '');
  try {
    for (const [name, url] of Object.entries(servers.subgraphs.urls)) {
      const send = async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CALLER_HEADER]: callers.fixedCallerHeaders[name] },
          body: '{"query":"{ __typename }"}',
        });
        const text = await response.text();
        if (response.status !== 200 || !text.includes('Query')) throw new Error(`${name}: ${response.status} ${text.slice(0, 200)}`);
      };
      for (let i = 0; i < 200; i++) await send();
      const before = cpuMs(servers.subgraphs.pid);
      for (let i = 0; i < requests; i++) await send();
      console.log(`${name}: ${((cpuMs(servers.subgraphs.pid) - before) / requests).toFixed(3)} ms CPU per { __typename }`);
    }
  } finally {
    await servers.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
