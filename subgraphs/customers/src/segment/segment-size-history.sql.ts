import type { SqlParameters } from '@c360/shared/segments';

/** Default SEGMENT_SIZE_HISTORY_DAYS: how long recorded sizes are kept and served. */
export const DEFAULT_SIZE_HISTORY_DAYS = 90;

/**
 * Data-modifying CTEs for a whole evaluation (after the CTE fresh of its members): records the
 * segment's size at `at` unless the last record has the same version and size and is less than a
 * day old (a history of changes, with a daily point while nothing changes), and deletes this
 * segment's records older than the retention.
 */
export function recordEvaluatedSize(params: SqlParameters, segmentId: string, version: string, at: string, retentionDays: number): string {
  const days = params.bind(retentionDays, 'int');
  return `, size_recorded AS (
         INSERT INTO customers.segment_size (segment_id, version, recorded_at, member_count)
         SELECT ${segmentId}, ${version}, ${at}, n.members FROM (SELECT count(*)::int AS members FROM fresh) n
         WHERE NOT EXISTS (
           SELECT 1 FROM (SELECT version, member_count, recorded_at FROM customers.segment_size WHERE segment_id = ${segmentId} ORDER BY recorded_at DESC LIMIT 1) last
           WHERE last.version = ${version} AND last.member_count = n.members AND last.recorded_at > ${at} - interval '1 day'
         )
         ON CONFLICT (segment_id, recorded_at) DO UPDATE SET version = EXCLUDED.version, member_count = EXCLUDED.member_count
       ), size_expired AS (
         DELETE FROM customers.segment_size WHERE segment_id = ${segmentId} AND recorded_at < ${at} - make_interval(days => ${days})
       )`;
}

/**
 * The same for a re-evaluation of a few customers (after the CTEs gone and added): a record only
 * when someone entered or left, at the version's previous count plus the difference.
 */
export function recordChangedSize(segmentId: string, version: string, at: string): string {
  return `, size_recorded AS (
         INSERT INTO customers.segment_size (segment_id, version, recorded_at, member_count)
         SELECT ${segmentId}, ${version}, ${at}, sv.member_count - (SELECT count(*) FROM gone) + (SELECT count(*) FROM added)
         FROM customers.segment_version sv
         WHERE sv.segment_id = ${segmentId} AND sv.version = ${version} AND sv.member_count IS NOT NULL
           AND (SELECT count(*) FROM gone) + (SELECT count(*) FROM added) > 0
         ON CONFLICT (segment_id, recorded_at) DO UPDATE SET version = EXCLUDED.version, member_count = EXCLUDED.member_count
       )`;
}
