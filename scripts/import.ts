import 'reflect-metadata';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CallerKind, formatOf, loadConfigOrExit, openStorage, parseEnv, progressLine, storageSettings } from '@c360/shared';
import { IMPORT_KINDS, openImport } from './import-kinds';

const USAGE = `npm run -s import -- --kind <${IMPORT_KINDS.join('|')}> --file <path.ndjson|path.csv> [--source-system X] [--resume JOB_ID] [--batch-rows N]
  Imports straight into storage (DATABASE_URL, else the PGlite directory PGLITE_DATA_DIR or .data/pglite,
  which must not be open in a running "npm start": use POST /import/<kind> on the gateway then).
  --source-system  the system the external ids belong to (default: import)
  --resume JOB_ID  continue an interrupted job after its last committed line (same file)
Progress goes to stderr; the finished job (counts, timings) is printed to stdout as JSON.`;

async function main() {
  const { values: flags } = parseArgs({
    options: { kind: { type: 'string' }, file: { type: 'string' }, 'source-system': { type: 'string' }, resume: { type: 'string' }, 'batch-rows': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (flags.help || !flags.kind || !flags.file) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = flags.help ? 0 : 2;
    return;
  }
  const format = formatOf(flags.file);
  if (!format) throw new Error('--file must end in .ndjson, .jsonl or .csv');
  const config = loadConfigOrExit(() => parseEnv(storageSettings, process.env));
  const storage = await openStorage({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.DATABASE_URL ? undefined : (config.PGLITE_DATA_DIR ?? join(process.cwd(), '.data', 'pglite')) });
  const opened = await openImport(flags.kind, storage, { batchRows: flags['batch-rows'] ? Number(flags['batch-rows']) : undefined });
  const totalBytes = statSync(flags.file).size;
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;

  try {
    const job = await opened.runner.run({
      kind: opened.kind,
      // The operator running this CLI holds the database; it imports as an ERP integration of that name.
      caller: { clientId: 'import-cli', kind: CallerKind.ERP_INTEGRATION, scopes: [opened.kind.scope] },
      source: createReadStream(flags.file),
      format,
      sourceSystem: flags['source-system'] ?? 'import',
      resumeJobId: flags.resume,
      onStart: (id) => process.stderr.write(`import job ${id}\n`),
      onProgress(progress) {
        const now = performance.now();
        if (!tty && now - lastPrinted < 1000 && progress.bytesRead < totalBytes) return;
        lastPrinted = now;
        process.stderr.write(`${tty ? '\r' : ''}${progressLine(progress, totalBytes, now - started)}${tty ? '' : '\n'}`);
      },
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
    if (job.counts.rejected > 0) process.stderr.write(`${job.counts.rejected} bad rows: query ${opened.jobField ?? 'importJob'}(id: "${job.id}") { badRows(first: 100) { lineNo field reason } } or GET /import/${job.kind}/jobs/${job.id}/bad-rows\n`);
  } finally {
    await opened.close();
    await storage.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`import failed: ${error.message}\n`);
  process.exit(1);
});
