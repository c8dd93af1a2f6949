import type { Client } from 'pg';

/**
 * What the data set in the benchmark database was built from. Seeding is skipped when the
 * marker matches the request, so only the first run pays for it.
 */
export interface DataSetMarker {
  seed: number;
  customers: number;
  /** The migrations it was built with: a new migration means a rebuild. */
  migrations: string;
}

export interface StoredMarker extends DataSetMarker {
  seededAt: string;
  seedSeconds: Record<string, number>;
}

const TABLE = 'public.bench_dataset';

export async function readMarker(client: Client): Promise<StoredMarker | undefined> {
  const exists = await client.query(`SELECT to_regclass('${TABLE}') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return undefined;
  const { rows } = await client.query(`SELECT seed, customers, migrations, seeded_at, seed_seconds FROM ${TABLE} LIMIT 1`);
  if (!rows[0]) return undefined;
  const r = rows[0];
  return { seed: r.seed, customers: r.customers, migrations: r.migrations, seededAt: new Date(r.seeded_at).toISOString(), seedSeconds: r.seed_seconds };
}

export async function writeMarker(client: Client, marker: DataSetMarker, seedSeconds: Record<string, number>): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (seed int NOT NULL, customers int NOT NULL, migrations text NOT NULL, seeded_at timestamptz NOT NULL, seed_seconds jsonb NOT NULL)`);
  await client.query(`DELETE FROM ${TABLE}`);
  await client.query(`INSERT INTO ${TABLE} VALUES ($1, $2, $3, now(), $4)`, [marker.seed, marker.customers, marker.migrations, JSON.stringify(seedSeconds)]);
}

export async function clearMarker(client: Client): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
}

export const markerMatches = (stored: DataSetMarker | undefined, wanted: DataSetMarker) =>
  !!stored && stored.seed === wanted.seed && stored.customers === wanted.customers && stored.migrations === wanted.migrations;
