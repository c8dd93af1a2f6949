import type { DataSource } from 'typeorm';
import type { ImportQuery } from './import-kind';
import { ImportJobState, type BadRow, type ImportCounts, type ImportJob } from './import-job';

type Row = Record<string, unknown>;

const toJob = (r: Row): ImportJob => ({
  id: r.id as string,
  kind: r.kind as string,
  sourceSystem: r.source_system as string,
  clientId: r.client_id as string,
  state: r.state as ImportJobState,
  failure: (r.failure as string | null) ?? null,
  counts: { read: Number(r.rows_read), inserted: Number(r.rows_inserted), updated: Number(r.rows_updated), unchanged: Number(r.rows_unchanged), rejected: Number(r.rows_rejected) },
  timings: {
    stageMs: Number(r.stage_ms),
    validateMs: Number(r.validate_ms),
    mergeMs: Number(r.merge_ms),
    afterImportMs: r.after_import_ms === null ? null : Number(r.after_import_ms),
    startedAt: new Date(r.started_at as string),
    updatedAt: new Date(r.updated_at as string),
    finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
  },
  lastLine: Number(r.last_line),
  bytesRead: Number(r.bytes_read),
});

export interface BatchProgress {
  lastLine: number;
  bytesRead: number;
  counts: ImportCounts;
  stageMs: number;
  validateMs: number;
  mergeMs: number;
}

/** All SQL on one schema's import_job and import_bad_row tables. */
export class ImportJobRepository {
  readonly jobTable: string;
  readonly badRowTable: string;

  constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
    /** The kinds' per-job tables (`job_id`), purged with their jobs. */
    private readonly jobTables: string[] = [],
  ) {
    this.jobTable = `${schema}.import_job`;
    this.badRowTable = `${schema}.import_bad_row`;
  }

  async create(id: string, kind: string, sourceSystem: string, clientId: string, now: Date): Promise<ImportJob> {
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO ${this.jobTable} (id, kind, source_system, client_id, state, started_at, updated_at) VALUES ($1, $2, $3, $4, 'RUNNING', $5, $5) RETURNING *`,
      [id, kind, sourceSystem, clientId, now],
    );
    return toJob(rows[0]);
  }

  async find(id: string): Promise<ImportJob | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM ${this.jobTable} WHERE id = $1`, [id]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  /** Adds one committed batch to the job, inside that batch's transaction: the counts never disagree with the data. */
  async advance(query: ImportQuery, id: string, batch: BatchProgress, now: Date): Promise<void> {
    const c = batch.counts;
    await query(
      `UPDATE ${this.jobTable} SET last_line = $2, bytes_read = $3, rows_read = rows_read + $4, rows_inserted = rows_inserted + $5, rows_updated = rows_updated + $6,
         rows_unchanged = rows_unchanged + $7, rows_rejected = rows_rejected + $8, stage_ms = stage_ms + $9, validate_ms = validate_ms + $10, merge_ms = merge_ms + $11, updated_at = $12
       WHERE id = $1`,
      [id, batch.lastLine, batch.bytesRead, c.read, c.inserted, c.updated, c.unchanged, c.rejected, Math.round(batch.stageMs), Math.round(batch.validateMs), Math.round(batch.mergeMs), now],
    );
  }

  async finish(id: string, state: ImportJobState, failure: string | null, afterImportMs: number | null, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.jobTable} SET state = $2, failure = $3, after_import_ms = $4, finished_at = $5, updated_at = $5 WHERE id = $1`, [id, state, failure, afterImportMs === null ? null : Math.round(afterImportMs), now]);
  }

  /**
   * The retention sweep: deletes every job that finished, or stopped advancing without finishing
   * (its process died), before the cutoff — with its bad rows (cascade), the kinds' per-job rows and
   * any staging tables a dead run left behind. Returns how many jobs went.
   */
  async purgeEndedBefore(cutoff: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const gone: { id: string }[] = await manager.query(`WITH gone AS (DELETE FROM ${this.jobTable} WHERE coalesce(finished_at, updated_at) < $1 RETURNING id) SELECT id FROM gone`, [cutoff]);
      if (gone.length === 0) return 0;
      const ids = gone.map((g) => g.id);
      for (const table of this.jobTables) await manager.query(`DELETE FROM ${table} WHERE job_id = ANY($1::uuid[])`, [ids]);
      for (const id of ids) {
        const stage = `${this.schema}.import_stage_${id.replace(/-/g, '')}`;
        await manager.query(`DROP TABLE IF EXISTS ${stage}, ${stage}_items`);
      }
      return ids.length;
    });
  }

  async reopen(id: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.jobTable} SET state = 'RUNNING', failure = NULL, finished_at = NULL, updated_at = $2 WHERE id = $1`, [id, now]);
  }

  /** Bad rows found before staging (unparseable lines, untypeable fields), in the batch's transaction. */
  async addBadRows(query: ImportQuery, id: string, rows: BadRow[]): Promise<void> {
    if (rows.length === 0) return;
    await query(
      `INSERT INTO ${this.badRowTable} (job_id, line_no, field, reason) SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      [id, rows.map((r) => r.lineNo), rows.map((r) => r.field), rows.map((r) => r.reason)],
    );
  }

  /** A page of the job's bad rows in line order (keyset on the line number). */
  async badRows(id: string, first: number, afterLine = 0): Promise<BadRow[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT line_no, field, reason FROM ${this.badRowTable} WHERE job_id = $1 AND line_no > $2 ORDER BY line_no LIMIT $3`, [id, afterLine, first]);
    return rows.map((r) => ({ lineNo: Number(r.line_no), field: r.field as string, reason: r.reason as string }));
  }
}
