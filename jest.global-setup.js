// Runs once before the test files. Every test on PGlite opens a fresh in-memory database; running initdb
// in WASM takes ~5 s each time, loading an initialised cluster ~0.7 s. So the empty cluster is made once
// here and test storage starts from it (packages/shared/src/testing/test-storage.ts). On PostgreSQL
// (DATABASE_URL set) there is nothing to prepare.
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const TEMPLATE_ENV = 'C360_TEST_PGLITE_TEMPLATE';

module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL || process.env[TEMPLATE_ENV]) return;
  const { PGlite } = require('@electric-sql/pglite');
  const db = await PGlite.create();
  const tarball = await db.dumpDataDir('none');
  await db.close();
  const dir = mkdtempSync(join(tmpdir(), 'c360-pglite-template-'));
  const file = join(dir, 'cluster.tar');
  writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
  // Workers start after global setup and inherit this environment.
  process.env[TEMPLATE_ENV] = file;
  globalThis.__C360_PGLITE_TEMPLATE_DIR__ = dir;
};
