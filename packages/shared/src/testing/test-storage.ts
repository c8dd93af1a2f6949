import { existsSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { openStorage, type Storage } from '../storage/storage';

/** Names the file holding an initialised, empty PGlite cluster that test storage starts from. */
export const PGLITE_TEMPLATE_ENV = 'C360_TEST_PGLITE_TEMPLATE';

/**
 * Storage for integration tests: in-memory PGlite by default, or the real PostgreSQL
 * server when DATABASE_URL is set. On PostgreSQL each Jest worker gets its own database,
 * and the schemas a test uses are dropped first, so every test file starts from migrations.
 */
export async function openTestStorage(schemas: string[]): Promise<Storage> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) return openStorage({ pgliteTemplate: pgliteTemplate() });
  const url = new URL(baseUrl);
  const database = `${url.pathname.slice(1) || 'postgres'}_c360_w${process.env.JEST_WORKER_ID ?? '0'}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`).catch((error: { code?: string }) => {
      if (error.code !== '42P04' && error.code !== '23505') throw error; // created concurrently
    });
  } finally {
    await admin.end();
  }
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
  return openStorage({ databaseUrl: url.toString() });
}

/** The empty cluster Jest's global setup (jest.global-setup.js) wrote once for the whole run, if any. */
function pgliteTemplate(): Blob | undefined {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  if (!file || !existsSync(file)) return undefined;
  return new Blob([readFileSync(file)]);
}

export const storageLabel = () => (process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite');
