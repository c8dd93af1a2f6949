import type { Caller } from '../context/caller';

/** How a raw field is checked and typed before it is staged (a field that fails is a bad row, never staged). */
export type ImportColumnType = 'text' | 'uuid' | 'integer' | 'numeric' | 'timestamptz' | 'boolean' | 'jsonb';

export interface ImportColumn {
  /** Column in the staging table (snake_case). */
  name: string;
  /** Field in the file (NDJSON key or CSV header), reported in bad rows. */
  field: string;
  type: ImportColumnType;
  required?: boolean;
  /** Not read from the file: a fresh UUID per row (e.g. the id a new record would get), so the merge can tell its own inserts apart. */
  generated?: 'uuid';
}

/** A staging table: one per record (the parent) and optionally per repeated child (e.g. order lines). */
export interface ImportStage {
  name: string;
  columns: ImportColumn[];
}

/** A repeated child inside one record, e.g. `lines` of an order; staged with the parent's line number and its index. */
export interface ImportChildStage extends ImportStage {
  /** The record's array field holding the children. */
  field: string;
  maxItems: number;
}

/** One domain rule, checked set-wise in SQL over the staged record `s` (and its children by `s.line_no`). */
export interface ImportCheck {
  field: string;
  reason: string;
  /** A boolean SQL expression over `s` that is true when the row is bad; `$1` is the job id, `$2` the source system, further params from `prepare`. */
  failsWhen: string;
}

/** Table names of one job's run, for the kind's SQL. */
export interface ImportTables {
  /** Staging table of the records, alias it `s`. */
  records: string;
  /** Staging table of the children, when the kind has them. */
  children?: string;
  badRows: string;
}

export interface ImportMergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows the merge refused (re-sent with different content, or a value the target cannot hold); it wrote their bad rows. */
  conflicts: number;
}

/** A parameter of the checks, with its SQL type (a check may leave it unused). */
export interface ImportParam {
  value: unknown;
  type: string;
}

/** Runs SQL on the job's connection (inside the batch's transaction during validate/merge). */
export type ImportQuery = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface ImportBatchContext {
  jobId: string;
  sourceSystem: string;
  caller: Caller;
  tables: ImportTables;
  query: ImportQuery;
  /** Extra parameters for the checks ($3, $4, …), computed once per batch by `prepare`. */
  params: ImportParam[];
  now: Date;
}

/**
 * One kind of import, defined by the subgraph that owns its tables: what a row holds, the
 * rules a row must pass, and the set-wise merge keyed by source system + external id.
 */
export interface ImportKind {
  name: string;
  /** The owning subgraph's schema: staging, job and bad-row tables live there. */
  schema: string;
  /**
   * Whether its rows are about customers (orders, interactions, responses, profiles): each batch then
   * shares the subgraph's customer gate, so no merge, unmerge or erasure step runs between its checks and
   * its commit. A kind about no one (the catalogue, stock) does not, and never delays those steps.
   */
  aboutCustomers: boolean;
  /** Scope the caller needs (besides being an ERP integration). */
  scope: string;
  records: ImportStage;
  children?: ImportChildStage;
  checks: ImportCheck[];
  /**
   * Rules over each child `i` (with its record `s`), checked in one pass after the record checks;
   * `from` joins whatever they read (e.g. the catalogue). The first bad child is reported as `<field>[n].<check field>`.
   */
  childChecks?: { from(tables: ImportTables): string; checks: ImportCheck[] };
  /** Per-batch lookups the checks need (e.g. which customers are unknown): one call per batch, before its transaction. */
  prepare?(context: Omit<ImportBatchContext, 'params'>): Promise<ImportParam[]>;
  merge(context: ImportBatchContext): Promise<ImportMergeCounts>;
  /** Tables where the kind keeps rows per job (a `job_id` column): deleted with the job when the retention sweep removes it. */
  jobTables?: string[];
  /** Once after the whole import (value scores, segments, stock-dependent offers), never per row. */
  afterImport?(summary: { jobId: string; inserted: number; updated: number }): Promise<void>;
}
