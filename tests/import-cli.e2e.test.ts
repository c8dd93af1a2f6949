import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openServiceDataSource, openStorage } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { transactionsSubgraph } from '../subgraphs/transactions/src';

const run = promisify(execFile);
const CLI = join(__dirname, '..', 'scripts', 'import.js');

describe(`the import CLI on ${storageLabel()}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'c360-import-cli-'));
  const pgliteDir = join(dir, 'pglite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a line longer than IMPORT_MAX_LINE_BYTES as a bad row without its content and imports the lines after it', async () => {
    const secret = 'SECRET-CLI-5531';
    const product = () => ({ sku: `cli-${randomUUID()}`, name: 'Lamp', category: 'Home', price: 19.5, currency: 'EUR' });
    const rows = [product(), { ...product(), name: secret.repeat(300) }, product()];
    const file = join(dir, 'products.ndjson');
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const env = { ...process.env, IMPORT_MAX_LINE_BYTES: '2048', ...(process.env.DATABASE_URL ? {} : { PGLITE_DATA_DIR: pgliteDir }) };
    const { stdout, stderr } = await run(process.execPath, [CLI, '--kind', 'products', '--file', file, '--source-system', 'cli-test'], { env, maxBuffer: 1 << 22 });
    expect(stdout + stderr).not.toContain(secret);
    const job = JSON.parse(stdout) as { id: string; state: string; counts: Record<string, number> };
    expect(job).toMatchObject({ state: 'DONE', counts: { read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 } });

    const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL, pgliteDataDir: process.env.DATABASE_URL ? undefined : pgliteDir });
    const dataSource = await openServiceDataSource(storage, { service: transactionsSubgraph.name, ...transactionsSubgraph.storage });
    try {
      const bad = await dataSource.query(`SELECT line_no::int AS "lineNo", field, reason FROM transactions.import_bad_row WHERE job_id = $1`, [job.id]);
      expect(bad).toEqual([{ lineNo: 2, field: '(line)', reason: 'is longer than 2048 bytes' }]);
      const stored = await dataSource.query(`SELECT count(*)::int AS n FROM transactions.product WHERE sku = ANY($1::text[])`, [rows.map((r) => r.sku)]);
      expect(stored[0].n).toBe(2);
    } finally {
      await dataSource.destroy();
      await storage.close();
    }
    // A child process that boots, migrates and imports: slow on a loaded machine.
  }, 240_000);
});
