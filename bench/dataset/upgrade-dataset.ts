import { openServiceDataSource, openStorage } from '@c360/shared';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import type { DataSetMarker } from './marker';

/**
 * A data set seeded with the same seed and size, whose migrations are a prefix of today's,
 * needs only the new migrations: they run on the seeded rows exactly as a production upgrade
 * would, instead of an hour of reseeding. Any other difference (a migration renamed, removed
 * or reordered) still means a rebuild.
 */
export function onlyNewMigrations(stored: DataSetMarker | undefined, wanted: DataSetMarker): boolean {
  if (!stored || stored.seed !== wanted.seed || stored.customers !== wanted.customers) return false;
  const before = stored.migrations.split(',');
  const now = wanted.migrations.split(',');
  const kept = new Set(now);
  // Migrations are listed per subgraph in order; new ones may be appended to any subgraph's list.
  return before.every((name) => kept.has(name)) && now.length > before.length && now.filter((name) => before.includes(name)).join(',') === before.join(',');
}

/** Applies the pending migrations of every subgraph to the benchmark database. */
export async function applyNewMigrations(url: string): Promise<void> {
  // A migration over millions of seeded rows is no request: no statement timeout (0 = none).
  const storage = await openStorage({ databaseUrl: url, statementTimeoutMs: 0 });
  for (const definition of SUBGRAPHS) {
    const dataSource = await openServiceDataSource(storage, { service: definition.name, ...definition.storage });
    await dataSource.destroy();
  }
}
