import type { DataSource } from 'typeorm';
import type { SegmentRule } from './segment-rule';

/** One recorded size, with the definition of the version it was evaluated for (its release depends on it). */
export interface SegmentSizeRow {
  segmentId: string;
  version: number;
  recordedAt: Date;
  memberCount: number;
  rule: SegmentRule;
  purpose: string;
}

/** Reads and sweeps the recorded sizes (written by the evaluations themselves, see segment-size-history.sql.ts). */
export class SegmentSizeHistoryRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retentionDays: number,
  ) {}

  /** The oldest time still kept (and served). */
  keptSince(now = new Date()): Date {
    return new Date(now.getTime() - this.retentionDays * 86_400_000);
  }

  /** The latest `limit` records since `since` of each segment, oldest first, in one statement for the whole batch. */
  async of(segmentIds: readonly string[], since: Date, limit: number): Promise<SegmentSizeRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT z.segment_id, z.version, z.recorded_at, z.member_count, v.rule, v.purpose
       FROM (
         SELECT segment_id, version, recorded_at, member_count, row_number() OVER (PARTITION BY segment_id ORDER BY recorded_at DESC) AS rn
         FROM customers.segment_size WHERE segment_id = ANY($1::uuid[]) AND recorded_at >= $2::timestamptz
       ) z JOIN customers.segment_version v ON v.segment_id = z.segment_id AND v.version = z.version
       WHERE z.rn <= $3
       ORDER BY z.segment_id, z.recorded_at`,
      [segmentIds, since, limit],
    );
    return rows.map((r) => ({
      segmentId: r.segment_id as string,
      version: Number(r.version),
      recordedAt: new Date(r.recorded_at as string),
      memberCount: Number(r.member_count),
      rule: r.rule as SegmentRule,
      purpose: r.purpose as string,
    }));
  }

  /** Deletes every record older than the retention (the background refresh); returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const [row]: { swept: number }[] = await this.dataSource.query(
      `WITH swept AS (DELETE FROM customers.segment_size WHERE recorded_at < $1::timestamptz RETURNING 1) SELECT count(*)::int AS swept FROM swept`,
      [this.keptSince(now)],
    );
    return row.swept;
  }
}
