import 'reflect-metadata';
import { openServiceDataSource, openStorage } from '@c360/shared';
import type { DataSource } from 'typeorm';
import { SUBGRAPHS } from '../../scripts/subgraphs';

/**
 * Autovacuum analysing a table while a seeder's one big transaction fills it records "0 rows on
 * N pages"; the planner then believes the table is empty and checks every order line's foreign
 * key with a full scan of the wrong index (2M orders: hours). Pausing it during seeding avoids that.
 */
async function setAutovacuum(dataSource: DataSource, schema: string, enabled: boolean): Promise<void> {
  for (const table of await tablesOf(dataSource, schema)) {
    await dataSource.query(`ALTER TABLE ${table} ${enabled ? 'RESET (autovacuum_enabled)' : 'SET (autovacuum_enabled = false)'}`);
    // Only this schema's tables: a database-wide ANALYZE would hit a seeder still loading.
    if (enabled) await dataSource.query(`VACUUM ANALYZE ${table}`);
  }
}

async function tablesOf(dataSource: DataSource, schema: string): Promise<string[]> {
  const rows: { tablename: string }[] = await dataSource.query('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
  return rows.map((r) => `"${schema}"."${r.tablename}"`);
}

/**
 * Child process that migrates and seeds the benchmark database with the subgraphs' own demo
 * seeders (a separate process so its multi-gigabyte heap is freed before measuring).
 * Arguments: <databaseUrl> <seed> <customers>. Sends { seconds } per subgraph over IPC.
 */
async function main() {
  const [url, seed, customers] = process.argv.slice(2);
  const demo = { seed: Number(seed), customers: Number(customers) };
  // Seeding is one long transaction per subgraph, not a request: no statement timeout (0 = none).
  const storage = await openStorage({ databaseUrl: url, statementTimeoutMs: 0 });
  const seconds: Record<string, number> = {};
  // Seeders are independent (each owns its schema), so they run side by side.
  await Promise.all(
    SUBGRAPHS.map(async (definition) => {
      const dataSource = await openServiceDataSource(storage, { service: definition.name, ...definition.storage });
      try {
        await setAutovacuum(dataSource, definition.storage.schema, false);
        const started = performance.now();
        await definition.seedDemoData?.(dataSource, demo);
        seconds[definition.name] = Number(((performance.now() - started) / 1000).toFixed(1));
        process.stdout.write(`  seeded ${definition.name} in ${seconds[definition.name]} s\n`);
        await setAutovacuum(dataSource, definition.storage.schema, true);
      } finally {
        await dataSource.destroy();
      }
    }),
  );
  process.send?.({ seconds });
}

main().catch((error: Error) => {
  process.stderr.write(`seeding failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
