import { fork } from 'node:child_process';
import { join } from 'node:path';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { ensureDatabase, withClient } from './database';
import { clearMarker, markerMatches, readMarker, writeMarker, type DataSetMarker } from './marker';
import { applyNewMigrations, onlyNewMigrations } from './upgrade-dataset';

export interface DataSetReport extends DataSetMarker {
  database: string;
  reused: boolean;
  /** Wall time of seeding per subgraph (seeders run side by side) and in total. */
  seedSeconds: Record<string, number>;
  seededAt: string;
  rows: Record<string, number>;
}

/** The migration names of all subgraphs: when they change, the data set is rebuilt. */
export function migrationFingerprint(): string {
  return SUBGRAPHS.flatMap((d) => (Array.isArray(d.storage.migrations) ? d.storage.migrations : Object.values(d.storage.migrations)))
    .map((m) => (typeof m === 'string' ? m : m.name))
    .join(',');
}

const COUNTED = ['customers.customer', 'customers.interaction', 'transactions.customer_order', 'transactions.order_line', 'offers.offer', 'offers.offer_response', 'consent.consent_event'];

/** Reuses the data set when its marker matches seed, size and migrations (applying migrations added since); otherwise drops and reseeds it. */
export async function prepareDataSet(url: string, wanted: Omit<DataSetMarker, 'migrations'>, log: (line: string) => void): Promise<DataSetReport> {
  await ensureDatabase(url);
  const marker: DataSetMarker = { ...wanted, migrations: migrationFingerprint() };
  const stored = await withClient(url, readMarker);
  let reused = true;
  if (onlyNewMigrations(stored, marker)) {
    log(`data set in ${new URL(url).pathname.slice(1)} predates ${marker.migrations.split(',').length - stored!.migrations.split(',').length} new migration(s): applying them to the seeded rows`);
    await applyNewMigrations(url);
    await withClient(url, (client) => writeMarker(client, marker, stored!.seedSeconds));
  } else if (!markerMatches(stored, marker)) {
    reused = false;
    log(`seeding ${wanted.customers.toLocaleString('en')} customers (seed ${wanted.seed}) into ${new URL(url).pathname.slice(1)} with the subgraphs' demo seeders ...`);
    await withClient(url, async (client) => {
      await clearMarker(client);
      for (const d of SUBGRAPHS) await client.query(`DROP SCHEMA IF EXISTS "${d.storage.schema}" CASCADE`);
    });
    const started = performance.now();
    const perSubgraph = await runSeeder(url, wanted);
    const seedSeconds = { ...perSubgraph, total: Number(((performance.now() - started) / 1000).toFixed(1)) };
    await withClient(url, (client) => writeMarker(client, marker, seedSeconds));
    log(`seeded in ${seedSeconds.total} s`);
  }
  if (reused) {
    // Earlier runs wrote into the data set (R9's orders and their value rows, outbox rows): their dead rows
    // would weigh on every side of every ratio, the same-work floor's statements included. Each run starts clean.
    log('vacuuming what earlier runs left in the data set (VACUUM ANALYZE) ...');
    await withClient(url, (client) => client.query('VACUUM (ANALYZE)'));
  }
  const final = (await withClient(url, readMarker))!;
  const rows = await withClient(url, async (client) => {
    const counts: Record<string, number> = {};
    for (const table of COUNTED) counts[table] = Number((await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
    return counts;
  });
  return { ...marker, database: new URL(url).pathname.slice(1), reused, seedSeconds: final.seedSeconds, seededAt: final.seededAt, rows };
}

function runSeeder(url: string, wanted: Omit<DataSetMarker, 'migrations'>): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    // The seeders build every row in memory before inserting: 2M orders need a large heap.
    const child = fork(join(__dirname, 'seed-main.js'), [url, String(wanted.seed), String(wanted.customers)], { execArgv: ['--max-old-space-size=14000'] });
    let result: Record<string, number> | undefined;
    child.on('message', (message: { seconds: Record<string, number> }) => (result = message.seconds));
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`seeding process exited with ${code}`))));
  });
}
