import 'reflect-metadata';
import { openServiceDataSource, openStorage } from '@c360/shared';
import { SUBGRAPHS } from '../../scripts/subgraphs';

/**
 * Child process that migrates and seeds the benchmark database with the subgraphs' own demo
 * seeders (a separate process so its multi-gigabyte heap is freed before measuring).
 * Arguments: <databaseUrl> <seed> <customers>. Sends { seconds } per subgraph over IPC.
 */
async function main() {
  const [url, seed, customers] = process.argv.slice(2);
  const demo = { seed: Number(seed), customers: Number(customers) };
  const storage = await openStorage({ databaseUrl: url });
  const seconds: Record<string, number> = {};
  // Seeders are independent (each owns its schema), so they run side by side.
  await Promise.all(
    SUBGRAPHS.map(async (definition) => {
      const dataSource = await openServiceDataSource(storage, { service: definition.name, ...definition.storage });
      try {
        const started = performance.now();
        await definition.seedDemoData?.(dataSource, demo);
        seconds[definition.name] = Number(((performance.now() - started) / 1000).toFixed(1));
        process.stdout.write(`  seeded ${definition.name} in ${seconds[definition.name]} s\n`);
        await dataSource.query(`ANALYZE`);
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
