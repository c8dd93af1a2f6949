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
}

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
