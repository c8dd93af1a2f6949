import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { parentPid, watchParallelWorkers } from '../measure/parallel-workers';
import { cpuMs } from '../measure/proc-stats';
import type { CapturedStatement } from '../measure/statement-capture';

/** What one floor run measured, per page (one pass over the distinct statements). */
export interface FloorResult {
  pages: number;
  nodeCpuMsPerPage: number;
  postgresCpuMsPerPage: number;
  parallelWorkerCpuMsPerPage: number;
  /** Rows each statement returned in the floor, in the order of the statements. */
  rows: number[];
  /** Bytes of JSON the floor serialised per page. */
  jsonBytesPerPage: number;
}

async function runPage(client: Client, statements: CapturedStatement[]): Promise<{ rows: number[]; bytes: number }> {
  const rows: number[] = [];
  let bytes = 0;
  for (const statement of statements) {
    const result = await client.query(statement.text, statement.values);
    rows.push(result.rows.length);
    bytes += JSON.stringify(result.rows).length;
  }
  return { rows, bytes };
}

/**
 * The same-work floor of R8: one process, one connection, the page's distinct statements run
 * one after another with the captured parameters, every row serialised to JSON. Its CPU (this
 * process, its PostgreSQL backend and any parallel workers of that backend) is what the page
 * would cost with no federation, no HTTP hops and no GraphQL at all.
 */
async function main(): Promise<void> {
  const statements = JSON.parse(readFileSync(process.env.FLOOR_STATEMENTS!, 'utf8')) as CapturedStatement[];
  const pages = Number(process.env.FLOOR_PAGES ?? 200);
  const client = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'bench-floor' });
  await client.connect();
  try {
    const { rows: pidRows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const backend = pidRows[0].pid;
    for (let i = 0; i < Math.max(10, pages / 10); i++) await runPage(client, statements); // warm caches and plans
    const workers = watchParallelWorkers(parentPid(backend), new Set([backend]));
    const nodeBefore = process.cpuUsage();
    const backendBefore = cpuMs(backend);
    let first: { rows: number[]; bytes: number } | undefined;
    for (let i = 0; i < pages; i++) {
      const page = await runPage(client, statements);
      first ??= page;
    }
    const node = process.cpuUsage(nodeBefore);
    const backendMs = cpuMs(backend) - backendBefore;
    const workerMs = workers.stop();
    const result: FloorResult = {
      pages,
      nodeCpuMsPerPage: (node.user + node.system) / 1000 / pages,
      postgresCpuMsPerPage: backendMs / pages,
      parallelWorkerCpuMsPerPage: workerMs / pages,
      rows: first!.rows,
      jsonBytesPerPage: first!.bytes,
    };
    process.send?.({ type: 'floor', result });
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`floor failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
