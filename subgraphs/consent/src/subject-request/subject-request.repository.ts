import type { DataSource } from 'typeorm';
import { DataSubjectRequestKind, DataSubjectRequestStatus } from './subject-request.enums';
import { recordEvent } from '@c360/shared';

export interface SubjectRequestRow {
  id: string;
  customerId: string;
  kind: DataSubjectRequestKind;
  status: DataSubjectRequestStatus;
  requestedBy: string;
  requestedAt: Date;
  completedAt: Date | null;
  accessDocument: Record<string, unknown> | null;
}

export interface SubjectRequestPartRow {
  requestId: string;
  subgraph: string;
  status: DataSubjectRequestStatus;
  attempts: number;
  roundAttempts: number;
  reason: string | null;
  nextAttemptAt: Date | null;
  updatedAt: Date;
  result: unknown;
}

const toRequest = (r: Record<string, unknown>): SubjectRequestRow => ({
  id: r.id as string,
  customerId: r.customer_id as string,
  kind: r.kind as DataSubjectRequestKind,
  status: r.status as DataSubjectRequestStatus,
  requestedBy: r.requested_by as string,
  requestedAt: new Date(r.requested_at as string),
  completedAt: r.completed_at ? new Date(r.completed_at as string) : null,
  accessDocument: (r.access_document as Record<string, unknown> | null) ?? null,
});

const toPart = (r: Record<string, unknown>): SubjectRequestPartRow => ({
  requestId: r.request_id as string,
  subgraph: r.subgraph as string,
  status: r.status as DataSubjectRequestStatus,
  attempts: r.attempts as number,
  roundAttempts: r.round_attempts as number,
  reason: (r.reason as string | null) ?? null,
  nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at as string) : null,
  updatedAt: new Date(r.updated_at as string),
  result: r.result ?? null,
});

/**
 * True for an access request `r` that an erasure of the same customer overlaps: one still
 * running, or one completed after the access request was made. Its exports may have been taken
 * before the erasure reached a subgraph, so they must not be kept once the erasure is done.
 */
const OVERLAPPING_ERASURE = `EXISTS (
  SELECT 1 FROM consent.subject_request e
  WHERE e.customer_id = r.customer_id AND e.kind = 'ERASURE' AND (e.completed_at IS NULL OR e.completed_at > r.requested_at))`;

/** Removes a customer's stored access documents and unassembled exports; answers how many. */
const ERASE_ACCESS_DOCUMENTS = `WITH documents AS (
    UPDATE consent.subject_request SET access_document = NULL WHERE customer_id = $1 AND access_document IS NOT NULL RETURNING 1
  ), exports AS (
    UPDATE consent.subject_request_part p SET result = NULL FROM consent.subject_request r
    WHERE r.id = p.request_id AND r.customer_id = $1 AND r.kind = 'ACCESS' AND p.result IS NOT NULL RETURNING 1
  ) SELECT ((SELECT count(*) FROM documents) + (SELECT count(*) FROM exports))::int AS n`;

/** All SQL for data-subject requests and their per-subgraph parts. */
export class SubjectRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates the request unless one of the same kind for the same customer is unfinished (not
   * DONE): then that one's id is returned and nothing is written. A per-customer-and-kind
   * transaction lock makes two simultaneous asks create one request.
   */
  async createUnlessUnfinished(request: Omit<SubjectRequestRow, 'completedAt' | 'accessDocument' | 'status'>, subgraphs: readonly string[]): Promise<{ id: string; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`subject-request:${request.customerId.toLowerCase()}:${request.kind}`]);
      const [open] = await manager.query(`SELECT id FROM consent.subject_request WHERE customer_id = $1 AND kind = $2 AND status <> 'DONE' ORDER BY requested_at LIMIT 1`, [request.customerId, request.kind]);
      if (open) return { id: open.id as string, created: false };
      await manager.query(
        `INSERT INTO consent.subject_request (id, customer_id, kind, status, requested_by, requested_at) VALUES ($1, $2, $3, 'PENDING', $4, $5)`,
        [request.id, request.customerId, request.kind, request.requestedBy, request.requestedAt],
      );
      await manager.query(
        `INSERT INTO consent.subject_request_part (request_id, subgraph, status, updated_at) SELECT $1, unnest($2::text[]), 'PENDING', $3`,
        [request.id, subgraphs, request.requestedAt],
      );
      return { id: request.id, created: true };
    });
  }

  async find(ids: readonly string[]): Promise<SubjectRequestRow[]> {
    return (await this.dataSource.query(`SELECT * FROM consent.subject_request WHERE id = ANY($1::uuid[])`, [ids])).map(toRequest);
  }

  async ofCustomer(customerId: string): Promise<SubjectRequestRow[]> {
    return (await this.dataSource.query(`SELECT * FROM consent.subject_request WHERE customer_id = $1 ORDER BY requested_at DESC, id`, [customerId])).map(toRequest);
  }

  async parts(requestIds: readonly string[]): Promise<SubjectRequestPartRow[]> {
    return (await this.dataSource.query(`SELECT * FROM consent.subject_request_part WHERE request_id = ANY($1::uuid[]) ORDER BY request_id, subgraph`, [requestIds])).map(toPart);
  }

  /**
   * Claims the parts not DONE for one attempt (a RUNNING part whose attempt stopped with the
   * process counts as abandoned after `leaseMs`); a resume first starts a new round of attempts.
   */
  async claim(requestId: string, now: Date, leaseMs: number, newRound: boolean): Promise<SubjectRequestPartRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      // As a CTE, so the driver answers with the rows (a bare UPDATE ... RETURNING answers [rows, count]).
      `WITH claimed AS (
         UPDATE consent.subject_request_part
         SET status = 'RUNNING', attempts = attempts + 1, round_attempts = CASE WHEN $4 THEN 1 ELSE round_attempts + 1 END,
             next_attempt_at = NULL, updated_at = $2
         WHERE request_id = $1 AND (status IN ('PENDING', 'FAILED') OR (status = 'RUNNING' AND updated_at < $3))
         RETURNING *
       ) SELECT * FROM claimed`,
      [requestId, now, new Date(now.getTime() - leaseMs), newRound],
    );
    if (rows.length > 0) await this.dataSource.query(`UPDATE consent.subject_request SET status = 'RUNNING' WHERE id = $1 AND status <> 'DONE'`, [requestId]);
    return rows.map(toPart);
  }

  /** An access export is not kept when an erasure of the customer overlaps the request (see OVERLAPPING_ERASURE). */
  async partDone(requestId: string, subgraph: string, result: unknown, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE consent.subject_request_part p
       SET status = 'DONE', reason = NULL, updated_at = $4,
           result = CASE WHEN r.kind = 'ACCESS' AND ${OVERLAPPING_ERASURE} THEN NULL ELSE $3::jsonb END
       FROM consent.subject_request r
       WHERE r.id = p.request_id AND p.request_id = $1 AND p.subgraph = $2`,
      [requestId, subgraph, JSON.stringify(result), now],
    );
  }

  async partFailed(requestId: string, subgraph: string, reason: string, nextAttemptAt: Date | null, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE consent.subject_request_part SET status = 'FAILED', reason = $3, next_attempt_at = $4, updated_at = $5 WHERE request_id = $1 AND subgraph = $2`,
      [requestId, subgraph, reason, nextAttemptAt, now],
    );
  }

  /**
   * Completes a request, once: answers false, changing nothing, when it is already DONE (another
   * replica completed it), so a late completion never overwrites a finished access document.
   * An access request's document replaces the per-subgraph exports it was built from, and is
   * withheld when an erasure of the customer overlaps the request; a completed erasure removes
   * again every access document, so none stored meanwhile survives it.
   */
  async complete(request: SubjectRequestRow, accessDocument: Record<string, unknown> | null, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ n }]: { n: number }[] = await manager.query(
        // As a CTE, so both drivers answer with the count (a bare UPDATE answers differently).
        `WITH completed AS (
           UPDATE consent.subject_request r
           SET status = 'DONE', completed_at = $2, access_document = CASE WHEN ${OVERLAPPING_ERASURE} THEN NULL ELSE $3::jsonb END
           WHERE id = $1 AND status <> 'DONE'
           RETURNING 1
         ) SELECT count(*)::int AS n FROM completed`,
        [request.id, now, accessDocument && JSON.stringify(accessDocument)],
      );
      if (n === 0) return false;
      if (request.kind === DataSubjectRequestKind.ACCESS) await manager.query(`UPDATE consent.subject_request_part SET result = NULL WHERE request_id = $1`, [request.id]);
      else await manager.query(ERASE_ACCESS_DOCUMENTS, [request.customerId]);
      await recordEvent(manager, { type: 'subject_request.completed', customerId: request.customerId, payload: { requestId: request.id, kind: request.kind }, occurredAt: now });
      return true;
    });
  }

  async setStatus(requestId: string, status: DataSubjectRequestStatus): Promise<void> {
    await this.dataSource.query(`UPDATE consent.subject_request SET status = $2 WHERE id = $1 AND status <> 'DONE'`, [requestId, status]);
  }

  /**
   * Requests with a part still to run, and when the soonest is due: a PENDING part now, a FAILED
   * one at its automatic retry (none when its attempts are used up), and a RUNNING one, whose
   * attempt a stopped process may have left behind, when its lease of `leaseMs` runs out.
   */
  async unfinished(now: Date, leaseMs: number): Promise<{ requestId: string; dueAt: Date }[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT request_id, due_at FROM (
         SELECT request_id, min(CASE status WHEN 'PENDING' THEN $1::timestamptz
                                            WHEN 'RUNNING' THEN updated_at + $2::int * interval '1 millisecond'
                                            ELSE next_attempt_at END) AS due_at
         FROM consent.subject_request_part WHERE status <> 'DONE'
         GROUP BY request_id
       ) due WHERE due_at IS NOT NULL`,
      [now, leaseMs],
    );
    return rows.map((r) => ({ requestId: r.request_id as string, dueAt: new Date(r.due_at as string) }));
  }

  /** Whether the id was merged into another profile (its data now lives under the survivor). */
  async isRetired(customerId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM consent.customer_alias WHERE alias_id = $1`, [customerId]);
    return rows.length > 0;
  }

  /** Erasure of a customer removes every stored access document (and any export not yet assembled). */
  async eraseAccessDocuments(customerId: string): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(ERASE_ACCESS_DOCUMENTS, [customerId]);
    return row.n;
  }

  /** The customer's requests for their own access export: what was asked, when, and how it ended. */
  summaries(customerId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT id, kind, status, requested_at AS "requestedAt", completed_at AS "completedAt" FROM consent.subject_request WHERE customer_id = $1 ORDER BY requested_at, id`,
      [customerId],
    );
  }
}
