import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A `pg`-compatible pool over one embedded PGlite database, for TypeORM's postgres driver.
 *
 * PGlite is a single connection. TypeORM holds a "client" for a whole query runner
 * (e.g. a transaction), so the client here is an exclusive lease: a second query runner
 * waits until the first releases. Without it, a statement from one request could land
 * inside another request's transaction and be rolled back with it.
 */
export class PgliteConnectionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return acquired;
  }
}

interface PgStyleResult {
  rows: unknown[];
  rowCount: number | undefined;
  command: string;
}

async function runOn(db: PGlite, sql: string, params?: unknown[]): Promise<PgStyleResult> {
  const command = sql.trimStart().split(/\s/, 1)[0].toUpperCase();
  if (params && params.length > 0) {
    const result = await db.query(sql, params);
    return { rows: result.rows, rowCount: result.affectedRows, command };
  }
  // exec runs multi-statement scripts (migrations); TypeORM expects the last result.
  const results = await db.exec(sql);
  const last = results[results.length - 1];
  return { rows: last?.rows ?? [], rowCount: last?.affectedRows, command };
}

class PgliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  query(sql: string, params?: unknown[]): Promise<PgStyleResult> {
    return runOn(this.db, sql, params);
  }

  /** `COPY … FROM '/dev/blob'`: PGlite's COPY FROM STDIN, fed one in-memory chunk (the importer's staging). */
  async copyFromBlob(sql: string, blob: Blob): Promise<void> {
    await this.db.query(sql, [], { blob });
  }
}

/** Builds the `driver` object TypeORM's postgres dialect expects (`{ Pool }`), bound to one PGlite database. */
export function pgliteDriverFor(db: PGlite, lock: PgliteConnectionLock): { Pool: new () => EventEmitter } {
  class PglitePool extends EventEmitter {
    private readonly client = new PgliteClient(db);

    connect(callback: (err: Error | null, client: PgliteClient | null, release: () => void) => void): void {
      lock.acquire().then(
        (release) => callback(null, this.client, release),
        (error: Error) => callback(error, null, () => undefined),
      );
    }

    async query(sql: string, params?: unknown[]): Promise<PgStyleResult> {
      const release = await lock.acquire();
      try {
        return await runOn(db, sql, params);
      } finally {
        release();
      }
    }

    // The PGlite database outlives any one DataSource; its owner closes it.
    end(callback?: (err: Error | null) => void): void {
      callback?.(null);
    }
  }
  return { Pool: PglitePool };
}
