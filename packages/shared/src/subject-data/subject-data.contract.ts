import { createHash, createHmac } from 'node:crypto';

/** Scope a caller needs to reach any subgraph's privacy contract (export or erase a customer's data). */
export const SUBJECT_DATA_SCOPE = 'privacy:admin';

export enum ErasureAction {
  DELETED = 'DELETED',
  DEIDENTIFIED = 'DEIDENTIFIED',
  TOMBSTONED = 'TOMBSTONED',
  RETAINED = 'RETAINED',
  /** Consents in force ended by appending withdrawals to an append-only ledger. */
  WITHDRAWN = 'WITHDRAWN',
}

export interface ErasureCount {
  table: string;
  action: ErasureAction;
  rows: number;
}

/** What each subgraph implements, under its own retention rules. */
export interface SubjectDataHandler {
  /** Everything this subgraph holds on the customer, as plain JSON. */
  exportSubject(customerId: string): Promise<Record<string, unknown>>;
  /** Erases or de-identifies; running it again after a partial failure is safe (idempotent). */
  eraseSubject(customerId: string, requestId: string): Promise<ErasureCount[]>;
  /**
   * (Every subgraph but customers, which runs merges and does its own step in process.)
   * Re-points the merged customer's rows to the survivor, recording which rows moved under the
   * merge id; running it again for the same merge moves nothing more (idempotent).
   */
  mergeSubject?(mergeId: string, survivorId: string, mergedId: string): Promise<MergeCount[]>;
  /** Moves back exactly the rows that merge moved (rows written on the survivor since stay); idempotent. */
  unmergeSubject?(mergeId: string): Promise<MergeCount[]>;
}

/** Rows one merge (or unmerge) step moved in one table; counts only. */
export interface MergeCount {
  table: string;
  rows: number;
}

export const MERGE_SUBJECT_DATA_MUTATION = `mutation MergeSubjectData($mergeId: ID!, $survivorId: ID!, $mergedId: ID!) {
  mergeSubjectData(mergeId: $mergeId, survivorId: $survivorId, mergedId: $mergedId) { subgraph counts { table rows } }
}`;

export const UNMERGE_SUBJECT_DATA_MUTATION = `mutation UnmergeSubjectData($mergeId: ID!) {
  unmergeSubjectData(mergeId: $mergeId) { subgraph counts { table rows } }
}`;

export const SUBJECT_DATA_EXPORT_QUERY = `query SubjectDataExport($customerId: ID!) {
  subjectDataExport(customerId: $customerId) { subgraph data }
}`;

export const ERASE_SUBJECT_DATA_MUTATION = `mutation EraseSubjectData($customerId: ID!, $requestId: ID!) {
  eraseSubjectData(customerId: $customerId, requestId: $requestId) { subgraph counts { table action rows } }
}`;

/**
 * A tombstone key for a random identifier (a customer UUID): a plain SHA-256 cannot be reversed
 * by guessing, since the input space is 122 random bits.
 */
export const tombstoneOfId = (id: string) => createHash('sha256').update(`c360-erased:${id.toLowerCase()}`).digest('hex');

/** A tombstone key for a guessable value (an external id): keyed, so the tombstone alone reveals nothing. */
export const keyedTombstone = (key: string, ...parts: string[]) => createHmac('sha256', key).update(parts.join('\u0000')).digest('hex');
