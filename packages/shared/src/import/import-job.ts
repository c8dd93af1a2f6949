/** Where an import job stands: RUNNING until its last batch commits (or until resumed after an interruption). */
export enum ImportJobState {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

export interface ImportCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportTimings {
  stageMs: number;
  validateMs: number;
  mergeMs: number;
  afterImportMs: number | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface ImportJob {
  id: string;
  kind: string;
  sourceSystem: string;
  clientId: string;
  state: ImportJobState;
  failure: string | null;
  counts: ImportCounts;
  timings: ImportTimings;
  /** The last file line whose batch committed: a resumed job starts after it. */
  lastLine: number;
  bytesRead: number;
}

export interface BadRow {
  lineNo: number;
  field: string;
  reason: string;
}

export const emptyCounts = (): ImportCounts => ({ read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 });
