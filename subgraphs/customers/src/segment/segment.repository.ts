import { In, type DataSource, type EntityManager } from 'typeorm';
import { SqlParameters } from '@c360/shared/segments';
import { EVENT_VERSIONS, outboxTableOf, type ChildPageRows, type CursorKey } from '@c360/shared';
import { outboxRecording } from '@c360/shared/events/outbox-switch';
import { CustomerEntity } from '../customer/customer.entity';
import { rulePredicate, type EvaluationSets } from './segment-predicate.sql';
import type { SegmentRule } from './segment-rule';
import { SegmentVersionEntity } from './segment-version.entity';
import { DEFAULT_SIZE_HISTORY_DAYS, recordChangedSize, recordEvaluatedSize } from './segment-size-history.sql';

/** A segment with its current version. */
export interface SegmentRow {
  id: string;
  name: string;
  description: string | null;
  version: number;
  rule: SegmentRule;
  /** The purpose the current version's members are evaluated for. */
  purpose: string;
  createdAt: Date;
  updatedAt: Date;
  evaluatedAt: Date | null;
}

export interface NewVersion {
  name: string;
  description: string | null;
  rule: SegmentRule;
  purpose: string;
  createdBy: string;
}

/** A member row: the customer, and the segment it was fetched for. */
export type SegmentMemberRow = CustomerEntity & { segmentId: string };

const SEGMENT_COLUMNS = `s.id, v.name, v.description, s.current_version AS version, v.rule, v.purpose, s.created_at, s.updated_at, v.evaluated_at`;
const SEGMENT_FROM = `customers.segment s JOIN customers.segment_version v ON v.segment_id = s.id AND v.version = s.current_version`;

const toSegmentRow = (r: Record<string, unknown>): SegmentRow => ({
  id: r.id as string,
  name: r.name as string,
  description: (r.description as string | null) ?? null,
  version: Number(r.version),
  rule: r.rule as SegmentRule,
  purpose: r.purpose as string,
  createdAt: new Date(r.created_at as string),
  updatedAt: new Date(r.updated_at as string),
  evaluatedAt: r.evaluated_at ? new Date(r.evaluated_at as string) : null,
});

/** All SQL for segments: definitions, versions and materialised membership. */
export class SegmentRepository {
  constructor(
    private readonly dataSource: DataSource,
    /** SEGMENT_SIZE_HISTORY_DAYS: an evaluation deletes its segment's recorded sizes older than this. */
    private readonly sizeHistoryDays = DEFAULT_SIZE_HISTORY_DAYS,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findByIds(ids: readonly string[]): Promise<SegmentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${SEGMENT_COLUMNS} FROM ${SEGMENT_FROM} WHERE s.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toSegmentRow);
  }

  /** Segments whose current version was evaluated before `before` (or never), the oldest first. */
  async evaluatedBefore(before: Date, limit: number): Promise<SegmentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${SEGMENT_COLUMNS} FROM ${SEGMENT_FROM} WHERE v.evaluated_at IS NULL OR v.evaluated_at < $1 ORDER BY v.evaluated_at NULLS FIRST, s.id LIMIT $2`,
      [before, limit],
    );
    return rows.map(toSegmentRow);
  }

  /** One page in (created_at, id) order plus one row to tell whether more follow, and the total. */
  async page(size: number, after: readonly [string, string] | undefined): Promise<{ rows: SegmentRow[]; totalCount: number }> {
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${SEGMENT_COLUMNS} FROM ${SEGMENT_FROM}
         WHERE $2::timestamptz IS NULL OR (s.created_at, s.id) > ($2::timestamptz, $3::uuid)
         ORDER BY s.created_at, s.id LIMIT $1`,
        [size + 1, after?.[0] ?? null, after?.[1] ?? null],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM customers.segment`),
    ]);
    return { rows: (rows as Record<string, unknown>[]).map(toSegmentRow), totalCount: count.total as number };
  }

  async insert(manager: EntityManager, id: string, version: NewVersion, now: Date): Promise<void> {
    await manager.query(`INSERT INTO customers.segment (id, name, current_version, created_at, updated_at) VALUES ($1, $2, 1, $3, $3)`, [id, version.name, now]);
    await this.insertVersion(manager, id, 1, version, now);
  }

  /** Locks the segment row until the transaction ends and returns its current version; null when there is no such segment. */
  async lockCurrentVersion(manager: EntityManager, id: string): Promise<number | null> {
    const [row] = await manager.query(`SELECT current_version FROM customers.segment WHERE id = $1 FOR UPDATE`, [id]);
    return row ? Number(row.current_version) : null;
  }

  /** Writes version `next` and makes it current; the caller holds the row lock (lockCurrentVersion) and read the version under it. */
  async addVersion(manager: EntityManager, id: string, next: number, version: NewVersion, now: Date): Promise<void> {
    await this.insertVersion(manager, id, next, version, now);
    await manager.query(`UPDATE customers.segment SET name = $2, current_version = $3, updated_at = $4 WHERE id = $1`, [id, version.name, next, now]);
  }

  private async insertVersion(manager: EntityManager, id: string, version: number, data: NewVersion, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO customers.segment_version (segment_id, version, name, description, rule, purpose, created_by, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
      [id, version, data.name, data.description, JSON.stringify(data.rule), data.purpose, data.createdBy, now],
    );
  }

  /**
   * Replaces the segment's membership with the members of `version` as of `now`, in one statement
   * over the customer table, unless a newer version became current meanwhile: only the difference
   * is written, and each customer who entered or left gets a segment.entered / segment.exited event
   * in the outbox from the same statement (set-wise, one INSERT ... SELECT for the whole diff).
   * Returns the evaluation time, or null when the version is no longer current.
   */
  async materialise(manager: EntityManager, segmentId: string, version: number, rule: SegmentRule, sets: EvaluationSets, now: Date): Promise<Date | null> {
    const [row] = await manager.query(`SELECT current_version FROM customers.segment WHERE id = $1 FOR UPDATE`, [segmentId]);
    if (!row || Number(row.current_version) !== version) return null;
    const params = new SqlParameters();
    const id = params.bind(segmentId, 'uuid');
    const v = params.bind(version, 'int');
    const at = params.bind(now.toISOString(), 'timestamptz');
    const predicate = rulePredicate(rule, sets, params, at);
    // Every CTE reads the rows as they were before the statement: previous is the old membership
    // (whichever version: an update evaluates its new version in its own transaction).
    await manager.query(
      `WITH previous AS (
         SELECT DISTINCT customer_id FROM customers.segment_member WHERE segment_id = ${id}
       ), fresh AS (
         SELECT c.id AS customer_id FROM customers.customer c WHERE ${predicate}
       ), gone AS (
         DELETE FROM customers.segment_member m
         WHERE m.segment_id = ${id} AND NOT (m.version = ${v} AND m.customer_id IN (SELECT customer_id FROM fresh))
       ), added AS (
         INSERT INTO customers.segment_member (segment_id, version, customer_id)
         SELECT ${id}, ${v}, f.customer_id FROM fresh f
         WHERE NOT EXISTS (SELECT 1 FROM customers.segment_member m WHERE m.segment_id = ${id} AND m.version = ${v} AND m.customer_id = f.customer_id)
       )${membershipEvents(manager, params, id, v, at)}${recordEvaluatedSize(params, id, v, at, this.sizeHistoryDays)}
       UPDATE customers.segment_version SET evaluated_at = ${at}, member_count = (SELECT count(*) FROM fresh)
       WHERE segment_id = ${id} AND version = ${v}`,
      params.values,
    );
    return now;
  }

  /** Every segment with its current version (for the interaction-driven re-evaluation, which picks those reading interactions). */
  async current(): Promise<SegmentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${SEGMENT_COLUMNS} FROM ${SEGMENT_FROM} ORDER BY s.id`);
    return rows.map(toSegmentRow);
  }

  /**
   * Re-evaluates `version` for these customers only: their member rows follow the rule's answer
   * for them, with a segment.entered / segment.exited event for each who entered or left, and the
   * member count follows; evaluatedAt stays (it dates the last whole evaluation). Takes the
   * segment's lock as materialise does, so the two never interleave.
   * Returns false when the version is no longer current (its own evaluation covers them).
   */
  async materialiseFor(manager: EntityManager, segmentId: string, version: number, rule: SegmentRule, sets: EvaluationSets, customerIds: readonly string[], now: Date): Promise<boolean> {
    const [row] = await manager.query(`SELECT current_version FROM customers.segment WHERE id = $1 FOR UPDATE`, [segmentId]);
    if (!row || Number(row.current_version) !== version) return false;
    const params = new SqlParameters();
    const id = params.bind(segmentId, 'uuid');
    const v = params.bind(version, 'int');
    const ids = params.bind(customerIds, 'uuid[]');
    const at = params.bind(now.toISOString(), 'timestamptz');
    const predicate = rulePredicate(rule, sets, params, at);
    await manager.query(
      `WITH previous AS (
         SELECT customer_id FROM customers.segment_member WHERE segment_id = ${id} AND version = ${v} AND customer_id = ANY(${ids})
       ), fresh AS (
         SELECT c.id AS customer_id FROM customers.customer c WHERE c.id = ANY(${ids}) AND ${predicate}
       ), gone AS (
         DELETE FROM customers.segment_member
         WHERE segment_id = ${id} AND version = ${v} AND customer_id = ANY(${ids}) AND customer_id NOT IN (SELECT customer_id FROM fresh)
         RETURNING 1
       ), added AS (
         INSERT INTO customers.segment_member (segment_id, version, customer_id)
         SELECT ${id}, ${v}, f.customer_id FROM fresh f WHERE f.customer_id NOT IN (SELECT customer_id FROM previous)
         RETURNING 1
       )${membershipEvents(manager, params, id, v, at)}${recordChangedSize(id, v, at)}
       UPDATE customers.segment_version SET member_count = member_count - (SELECT count(*) FROM gone) + (SELECT count(*) FROM added)
       WHERE segment_id = ${id} AND version = ${v} AND member_count IS NOT NULL AND ${at} IS NOT NULL`, // the time is referenced even when nothing else reads it
      params.values,
    );
    return true;
  }

  versionsOf(segmentIds: readonly string[]): Promise<SegmentVersionEntity[]> {
    return this.dataSource.getRepository(SegmentVersionEntity).createQueryBuilder('v').where('v.segment_id = ANY(CAST(:ids AS uuid[]))', { ids: segmentIds }).orderBy('v.version', 'DESC').getMany();
  }

  /** Current members per segment, in one grouped statement. */
  async memberCounts(segmentIds: readonly string[], onlyIds: readonly string[] | null = null): Promise<Map<string, number>> {
    const rows: { segment_id: string; members: number }[] = await this.dataSource.query(
      `SELECT s.id AS segment_id, count(m.customer_id)::int AS members
       FROM customers.segment s LEFT JOIN customers.segment_member m ON m.segment_id = s.id AND m.version = s.current_version
         AND ($2::uuid[] IS NULL OR m.customer_id = ANY($2::uuid[]))
       WHERE s.id = ANY($1::uuid[]) GROUP BY s.id`,
      [segmentIds, onlyIds],
    );
    return new Map(rows.map((r) => [r.segment_id, r.members]));
  }

  /**
   * A page of current members per segment in customer (created_at, id) order: one windowed
   * statement for every segment of the batch, then one for the customers on those pages.
   */
  async memberPages(segmentIds: string[], size: number, after: CursorKey | undefined, onlyIds: readonly string[] | null = null): Promise<ChildPageRows<SegmentMemberRow>> {
    const page: { segment_id: string; customer_id: string; total: number }[] = await this.dataSource.query(
      `WITH current_members AS (
         SELECT m.segment_id, m.customer_id FROM customers.segment s
         JOIN customers.segment_member m ON m.segment_id = s.id AND m.version = s.current_version
         WHERE s.id = ANY($1::uuid[]) AND ($5::uuid[] IS NULL OR m.customer_id = ANY($5::uuid[]))
       ), ranked AS (
         SELECT cm.segment_id, c.id AS customer_id, row_number() OVER (PARTITION BY cm.segment_id ORDER BY c.created_at, c.id) AS rn
         FROM current_members cm JOIN customers.customer c ON c.id = cm.customer_id
         WHERE $3::timestamptz IS NULL OR (c.created_at, c.id) > ($3::timestamptz, $4::uuid)
       ), totals AS (
         SELECT segment_id, count(*)::int AS total FROM current_members GROUP BY segment_id
       )
       SELECT ranked.segment_id, ranked.customer_id, totals.total
       FROM ranked JOIN totals USING (segment_id)
       WHERE ranked.rn <= $2
       ORDER BY ranked.segment_id, ranked.rn`,
      [segmentIds, size + 1, after?.[0] ?? null, after?.[1] ?? null, onlyIds],
    );
    const totals = new Map(page.map((r) => [r.segment_id, r.total]));
    const ids = [...new Set(page.map((r) => r.customer_id))];
    const customers = ids.length ? await this.dataSource.getRepository(CustomerEntity).findBy({ id: In(ids) }) : [];
    const byId = new Map(customers.map((c) => [c.id, c]));
    const rows = page.filter((r) => byId.has(r.customer_id)).map((r) => ({ ...byId.get(r.customer_id)!, segmentId: r.segment_id }) as SegmentMemberRow);
    return { rows, totals };
  }

  /** Every requested customer's current segments, in one statement. */
  async membershipsOf(customerIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { customer_id: string; segment_ids: string[] }[] = await this.dataSource.query(
      `SELECT m.customer_id, array_agg(m.segment_id::text ORDER BY m.segment_id) AS segment_ids
       FROM customers.segment_member m JOIN customers.segment s ON s.id = m.segment_id AND s.current_version = m.version
       WHERE m.customer_id = ANY($1::uuid[])
       GROUP BY m.customer_id`,
      [customerIds],
    );
    return new Map(rows.map((r) => [r.customer_id, r.segment_ids]));
  }
}

/**
 * A data-modifying CTE (after the CTEs previous and fresh of customer ids) that records one
 * segment.entered per customer in fresh and not in previous and one segment.exited per customer
 * the other way round, into this subgraph's outbox in one INSERT ... SELECT. Empty when the outbox
 * is off (benchmark only).
 */
function membershipEvents(manager: EntityManager, params: SqlParameters, segmentId: string, version: string, at: string): string {
  if (!outboxRecording()) return '';
  const entered = params.bind('segment.entered', 'text');
  const exited = params.bind('segment.exited', 'text');
  const enteredVersion = params.bind(EVENT_VERSIONS['segment.entered'], 'int');
  const exitedVersion = params.bind(EVENT_VERSIONS['segment.exited'], 'int');
  return `, membership_events AS (
         INSERT INTO ${outboxTableOf(manager)} (id, type, version, occurred_at, customer_id, payload)
         SELECT gen_random_uuid(), d.type, d.version, ${at}, d.customer_id, jsonb_build_object('segmentId', ${segmentId}::text, 'version', ${version})
         FROM (
           SELECT ${entered} AS type, ${enteredVersion} AS version, f.customer_id FROM fresh f WHERE f.customer_id NOT IN (SELECT customer_id FROM previous)
           UNION ALL
           SELECT ${exited}, ${exitedVersion}, p.customer_id FROM previous p WHERE p.customer_id NOT IN (SELECT customer_id FROM fresh)
         ) d
         ORDER BY d.customer_id
       )`;
}
