import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Caller } from '../context/caller';
import type { ImportBatchContext, ImportColumnType, ImportKind, ImportQuery, ImportStage, ImportTables } from './import-kind';
import { emptyCounts, ImportJobState, type BadRow, type ImportCounts, type ImportJob } from './import-job';
import type { ImportJobRepository } from './import-job.repository';
import { readRecords, type ImportFormat } from './record-source';
import { readImportSettings, type ImportSettings } from './import-settings';
import { copyIntoStaging } from './staging-copy';
import { copyLine, stageRecord } from './staged-row';
import { shareCustomerGate } from '../subject-data/retired-customers';
import { retryDeadlocked } from '../storage/deadlock-retry';
import { importJobNotFound, importJobNotResumable } from './import.errors';

export interface ImportProgress {
  job: ImportJob;
  /** Bytes of the source consumed so far (of this run, plus what a resumed job had read). */
  bytesRead: number;
}

export interface ImportRunOptions {
  kind: ImportKind;
  caller: Caller;
  source: Readable;
  format: ImportFormat;
  sourceSystem: string;
  /** Continue this job after its last committed line (same file); otherwise a new job. */
  resumeJobId?: string;
  /** Told the new job's id before the first row is read (the HTTP endpoint answers with it). */
  onStart?(jobId: string): void;
  onProgress?(progress: ImportProgress): void;
}

export interface ImportRunnerSettings extends ImportSettings {
  /** Rows per batch: each batch is staged, validated and merged in one transaction. */
  batchRows: number;
}

const SQL_TYPE: Record<ImportColumnType, string> = { text: 'text', uuid: 'uuid', integer: 'integer', numeric: 'numeric', timestamptz: 'timestamptz', boolean: 'boolean', jsonb: 'jsonb' };

interface Batch {
  records: string[];
  children: string[];
  bad: BadRow[];
  read: number;
  lastLine: number;
  bytes: number;
}

const newBatch = (): Batch => ({ records: [], children: [], bad: [], read: 0, lastLine: 0, bytes: 0 });

/**
 * Streams a file into a kind's staging tables with COPY, one batch at a time, and per batch
 * validates and merges set-wise in one transaction that also advances the job. A crash loses
 * at most the batch in flight (rolled back); resuming continues after the last committed line.
 */
export class ImportRunner {
  private readonly settings: ImportRunnerSettings;

  /** Settings not given are read from the environment once, here (the runner is built at boot). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: ImportJobRepository,
    settings: Partial<ImportRunnerSettings> = {},
  ) {
    this.settings = { batchRows: 20_000, ...readImportSettings(), ...settings };
  }

  async run(request: ImportRunOptions): Promise<ImportJob> {
    const { kind } = request;
    const job = await this.openJob(request);
    // A resumed job keeps its source system: one file's rows are keyed in one key space, however the resume was asked.
    const options = { ...request, sourceSystem: job.sourceSystem };
    options.onStart?.(job.id);
    const tables = await this.createStaging(kind, job.id);
    let bytesRead = 0; // a resumed job re-reads the file from its start
    const totals = { ...job.counts };
    try {
      let batch = newBatch();
      for await (const record of readRecords(options.source, options.format, this.settings.maxLineBytes)) {
        batch.bytes += record.bytes;
        if (record.lineNo <= job.lastLine) continue;
        batch.read++;
        batch.lastLine = record.lineNo;
        const staged = 'problem' in record ? record.problem : stageRecord(record.lineNo, record.fields, kind.records, kind.children);
        if ('reason' in staged) batch.bad.push({ lineNo: record.lineNo, field: staged.field, reason: staged.reason });
        else {
          batch.records.push(copyLine(staged.record));
          for (const child of staged.children) batch.children.push(copyLine(child));
        }
        if (batch.read >= this.settings.batchRows) {
          bytesRead = await this.commitBatch(options, job, tables, batch, bytesRead, totals);
          batch = newBatch();
        }
      }
      if (batch.read > 0 || batch.bytes > 0) bytesRead = await this.commitBatch(options, job, tables, batch, bytesRead, totals);
      let afterImportMs: number | null = null;
      if (kind.afterImport && totals.inserted + totals.updated > 0) {
        const started = performance.now();
        await kind.afterImport({ jobId: job.id, inserted: totals.inserted, updated: totals.updated });
        afterImportMs = performance.now() - started;
      }
      await this.jobs.finish(job.id, ImportJobState.DONE, null, afterImportMs, new Date());
    } catch (error) {
      // Committed batches stay (each is whole); the job can be resumed from its last committed line.
      await this.jobs.finish(job.id, ImportJobState.FAILED, failureOf(error), null, new Date()).catch(() => undefined);
      throw error;
    } finally {
      await this.dropStaging(tables).catch(() => undefined);
    }
    return (await this.jobs.find(job.id))!;
  }

  private async openJob(options: ImportRunOptions): Promise<ImportJob> {
    // The retention sweep: every job that ended (or stopped advancing) longer ago than the retention goes, with its rows.
    await this.jobs.purgeEndedBefore(new Date(Date.now() - this.settings.retentionDays * 86_400_000));
    if (!options.resumeJobId) return this.jobs.create(randomUUID(), options.kind.name, options.sourceSystem, options.caller.clientId, new Date());
    const job = await this.jobs.find(options.resumeJobId);
    if (!job || job.kind !== options.kind.name || job.clientId !== options.caller.clientId) throw importJobNotFound(options.resumeJobId);
    if (job.state === ImportJobState.DONE) throw importJobNotResumable();
    await this.jobs.reopen(job.id, new Date());
    return { ...job, state: ImportJobState.RUNNING };
  }

  private async commitBatch(options: ImportRunOptions, job: ImportJob, tables: ImportTables, batch: Batch, bytesBefore: number, totals: ImportCounts): Promise<number> {
    const { kind } = options;
    const counts: ImportCounts = { ...emptyCounts(), read: batch.read };
    const bytesRead = bytesBefore + batch.bytes;
    let started = performance.now();
    await this.onConnection(async (connection, query) => {
      await query(`TRUNCATE ${tables.records}${tables.children ? `, ${tables.children}` : ''}`);
      await copyIntoStaging(connection, tables.records, columnsOf(kind.records, ['line_no']), batch.records);
      if (kind.children && tables.children) await copyIntoStaging(connection, tables.children, columnsOf(kind.children, ['line_no', 'item_no']), batch.children);
      // Fresh statistics each batch: without them the planner guesses the staging tables' sizes and picks nested loops.
      await query(`ANALYZE ${tables.records}${tables.children ? `, ${tables.children}` : ''}`);
    });
    // Outside any held connection: a peer lookup may need this same database (one embedded PGlite serves every subgraph).
    const context = { jobId: job.id, sourceSystem: options.sourceSystem, caller: options.caller, tables, now: new Date() };
    const params = kind.prepare ? await kind.prepare({ ...context, query: (sql, values) => this.dataSource.query(sql, values) }) : [];
    const stageMs = performance.now() - started;
    // A deadlock victim (a single write locks a retired id and then its survivor) is rolled back whole, the
    // staging table's deletions and the bad rows included, and run again instead of failing the job.
    await retryDeadlocked(() => this.onConnection(async (_connection, query, runner) => {
      started = performance.now();
      await runner.startTransaction();
      try {
        await this.tuneBatchTransaction(query);
        // Before the checks read: no merge, unmerge or erasure step of this subgraph runs until the batch commits.
        if (kind.aboutCustomers) await shareCustomerGate(query, kind.schema);
        await this.jobs.addBadRows(query, job.id, batch.bad);
        const invalid = await this.rejectInvalid(kind, { ...context, query, params });
        const validateMs = performance.now() - started;
        started = performance.now();
        const merged = await kind.merge({ ...context, query, params });
        counts.inserted = merged.inserted;
        counts.updated = merged.updated;
        counts.unchanged = merged.unchanged;
        counts.rejected = batch.bad.length + invalid + merged.conflicts;
        const mergeMs = performance.now() - started;
        await this.jobs.advance(query, job.id, { lastLine: Math.max(batch.lastLine, job.lastLine), bytesRead, counts, stageMs, validateMs, mergeMs }, new Date());
        await runner.commitTransaction();
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      }
    }));
    if (batch.lastLine > job.lastLine) job.lastLine = batch.lastLine;
    for (const key of Object.keys(counts) as (keyof ImportCounts)[]) totals[key] += counts[key];
    options.onProgress?.({ job: { ...job, counts: { ...totals } }, bytesRead });
    return bytesRead;
  }

  /**
   * Settings for this batch's transaction only (SET LOCAL ends with it). JIT off: the kinds' merges
   * are CTE chains the planner cannot estimate (a join of two 20,000-row CTEs is guessed at 500
   * million rows), so it compiled them with LLVM — ~4 s of a 11 s batch on PostgreSQL for a query
   * that runs once. More work_mem: the batch's sorts and hash aggregates fit in memory instead of
   * spilling to disk. PGlite has no JIT; it accepts both settings.
   */
  private async tuneBatchTransaction(query: ImportQuery): Promise<void> {
    await query(`SET LOCAL jit = off`);
    await query(`SET LOCAL work_mem = '64MB'`);
  }

  /** One connection for a step (COPY needs the raw client; the transaction needs one session). */
  private async onConnection(work: (connection: unknown, query: ImportQuery, runner: QueryRunner) => Promise<void>): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection: unknown = await runner.connect();
      await work(connection, (sql, params) => runner.query(sql, params), runner);
    } finally {
      await runner.release();
    }
  }

  /** Moves every staged record that breaks a rule into the bad-row report (first broken rule per row), in one statement. */
  private async rejectInvalid(kind: ImportKind, context: ImportBatchContext): Promise<number> {
    if (kind.checks.length === 0) return 0;
    const conditions = kind.checks.map((c) => `coalesce((${c.failsWhen}), false)`);
    const pick = (what: 'field' | 'reason') => `CASE ${kind.checks.map((c, i) => `WHEN ${conditions[i]} THEN ${literal(c[what])}`).join(' ')} END`;
    const rows = await context.query(
      `WITH bad AS (DELETE FROM ${context.tables.records} s WHERE ${conditions.join(' OR ')} RETURNING s.line_no, ${pick('field')} AS field, ${pick('reason')} AS reason),
            reported AS (INSERT INTO ${context.tables.badRows} (job_id, line_no, field, reason) SELECT $1, line_no, field, reason FROM bad ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT count(*) FROM bad)::int AS rejected, (SELECT count(*) FROM reported)::int AS reported, ${typedParams(context)}`,
      [context.jobId, context.sourceSystem, ...context.params.map((p) => p.value)],
    );
    return Number(rows[0].rejected) + (await this.rejectInvalidChildren(kind, context));
  }

  /** The child rules in one pass over the children: the first bad child of each record rejects the record. */
  private async rejectInvalidChildren(kind: ImportKind, context: ImportBatchContext): Promise<number> {
    if (!kind.childChecks || !kind.children) return 0;
    const checks = kind.childChecks.checks;
    const conditions = checks.map((c) => `coalesce((${c.failsWhen}), false)`);
    const field = `${literal(kind.children.field + '[')} || i.item_no || ${literal('].')} || CASE ${checks.map((c, i) => `WHEN ${conditions[i]} THEN ${literal(c.field)}`).join(' ')} END`;
    const reason = `CASE ${checks.map((c, i) => `WHEN ${conditions[i]} THEN ${literal(c.reason)}`).join(' ')} END`;
    const rows = await context.query(
      `WITH bad_items AS (SELECT DISTINCT ON (i.line_no) i.line_no, ${field} AS field, ${reason} AS reason ${kind.childChecks.from(context.tables)} WHERE ${conditions.join(' OR ')} ORDER BY i.line_no, i.item_no),
            bad AS (DELETE FROM ${context.tables.records} s USING bad_items b WHERE s.line_no = b.line_no RETURNING s.line_no, b.field, b.reason),
            reported AS (INSERT INTO ${context.tables.badRows} (job_id, line_no, field, reason) SELECT $1, line_no, field, reason FROM bad ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT count(*) FROM bad)::int AS rejected, (SELECT count(*) FROM reported)::int AS reported, ${typedParams(context)}`,
      [context.jobId, context.sourceSystem, ...context.params.map((p) => p.value)],
    );
    return Number(rows[0].rejected);
  }

  private async createStaging(kind: ImportKind, jobId: string): Promise<ImportTables> {
    const base = `${kind.schema}.import_stage_${jobId.replace(/-/g, '')}`;
    const tables: ImportTables = { records: base, children: kind.children ? `${base}_items` : undefined, badRows: this.jobs.badRowTable };
    // Unlogged: staged rows are rebuilt from the file on resume, so they need no WAL.
    await this.dataSource.query(`DROP TABLE IF EXISTS ${tables.records}`);
    await this.dataSource.query(`CREATE UNLOGGED TABLE ${tables.records} (line_no bigint PRIMARY KEY, ${columnDdl(kind.records)})`);
    if (kind.children && tables.children) {
      await this.dataSource.query(`DROP TABLE IF EXISTS ${tables.children}`);
      await this.dataSource.query(`CREATE UNLOGGED TABLE ${tables.children} (line_no bigint NOT NULL, item_no integer NOT NULL, ${columnDdl(kind.children)})`);
    }
    return tables;
  }

  private async dropStaging(tables: ImportTables): Promise<void> {
    await this.dataSource.query(`DROP TABLE IF EXISTS ${tables.records}`);
    if (tables.children) await this.dataSource.query(`DROP TABLE IF EXISTS ${tables.children}`);
  }
}

const columnsOf = (stage: ImportStage, lead: string[]) => [...lead, ...stage.columns.map((c) => c.name)];
const columnDdl = (stage: ImportStage) => stage.columns.map((c) => `${c.name} ${SQL_TYPE[c.type]}`).join(', ');
/** Names every parameter once with its type, so a statement whose checks leave one unused still plans. */
const typedParams = (context: ImportBatchContext) => ['$2::text AS source', ...context.params.map((p, i) => `$${i + 3}::${p.type} AS p${i + 3}`)].join(', ');
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const failureOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);
