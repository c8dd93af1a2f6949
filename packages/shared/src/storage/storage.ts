import { PGlite } from '@electric-sql/pglite';
import { PgliteConnectionLock } from './pglite-pool';

/**
 * Where the services keep their data: the real PostgreSQL server (DATABASE_URL) or an
 * embedded PGlite database (in memory, or in a data directory to survive restarts).
 * Both speak the same SQL and run the same migrations; each subgraph uses its own schema.
 */
export type Storage =
  | { kind: 'postgres'; url: string; statementTimeoutMs: number; close(): Promise<void> }
  | { kind: 'pglite'; db: PGlite; lock: PgliteConnectionLock; close(): Promise<void> };

export interface StorageOptions {
  databaseUrl?: string;
  /** PGlite data directory; omit for an in-memory database. Ignored when databaseUrl is set. */
  pgliteDataDir?: string;
  /**
   * An in-memory PGlite starts from this initialised cluster (a `dumpDataDir` tarball) instead of running
   * initdb, which takes seconds in WASM. Tests use it; ignored with databaseUrl or pgliteDataDir.
   */
  pgliteTemplate?: Blob;
  /** PostgreSQL cancels a statement running longer (PGlite, in-process, has no such setting). */
  statementTimeoutMs?: number;
}

/** Twice the gateway's default subgraph timeout: work the gateway stopped waiting for does not run on. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 20_000;

export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.databaseUrl) {
    return { kind: 'postgres', url: options.databaseUrl, statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS, close: async () => undefined };
  }
  const db = await PGlite.create(options.pgliteDataDir ? { dataDir: options.pgliteDataDir } : options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {});
  return { kind: 'pglite', db, lock: new PgliteConnectionLock(), close: () => db.close() };
}

export function describeStorage(storage: Storage, dataDir?: string): string {
  if (storage.kind === 'postgres') return `PostgreSQL (${new URL(storage.url).host})`;
  return dataDir ? `embedded PGlite (${dataDir})` : 'embedded PGlite (in memory)';
}
