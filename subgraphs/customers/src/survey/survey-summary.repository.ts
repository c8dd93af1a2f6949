import type { DataSource } from 'typeorm';

/** One group's answers on the 0–10 scale: each respondent's latest answer in the window counts once. */
export interface SurveyGroupRow {
  key: string;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface SurveyScope {
  /** The numeric attribute holding the 0–10 answer (e.g. nps). */
  attributeKey: string;
  since: Date;
  /** Who may be counted; null everyone. */
  population: readonly string[] | null;
}

/** The latest answer per customer (and per campaign named by the answer), ACTIVE interactions only. */
const ANSWERS = (partition: string) => `
  SELECT DISTINCT ON (i.customer_id${partition}) i.customer_id, i.attributes ->> 'campaignId' AS campaign_id, (i.attributes ->> $1::text)::numeric AS score
    FROM customers.interaction i
   WHERE i.kind = 'ACTIVE' AND jsonb_typeof(i.attributes -> $1::text) = 'number' AND i.occurred_at >= $2
     AND ($3::uuid[] IS NULL OR i.customer_id = ANY($3::uuid[]))
   ORDER BY i.customer_id${partition}, i.occurred_at DESC, i.id DESC`;

const TALLY = `count(*) FILTER (WHERE a.score >= 9)::int AS promoters,
  count(*) FILTER (WHERE a.score >= 7 AND a.score < 9)::int AS passives,
  count(*) FILTER (WHERE a.score < 7)::int AS detractors`;

/** NPS tallies per segment (current members) or per campaign (answers naming it in attributes.campaignId), one statement each. */
export class SurveySummaryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `segmentIds` null: every segment; keys are segment ids. A customer counts in at most `maxSegments` segments (a stable pseudo-random pick), like the BI segment counts. */
  bySegment(scope: SurveyScope, segmentIds: readonly string[] | null, maxSegments: number | null = null): Promise<SurveyGroupRow[]> {
    return this.dataSource.query(
      `WITH a AS (${ANSWERS('')} ), m AS (
         SELECT m.segment_id, m.customer_id, row_number() OVER (PARTITION BY m.customer_id ORDER BY md5(m.customer_id::text || m.segment_id::text)) AS nth
           FROM customers.segment_member m JOIN customers.segment s ON s.id = m.segment_id AND s.current_version = m.version
          WHERE $4::uuid[] IS NULL OR m.segment_id = ANY($4::uuid[])
       )
       SELECT m.segment_id::text AS key, ${TALLY}
         FROM a JOIN m ON m.customer_id = a.customer_id
        WHERE a.score BETWEEN 0 AND 10 AND ($5::int IS NULL OR m.nth <= $5)
        GROUP BY m.segment_id ORDER BY 1`,
      [scope.attributeKey, scope.since, scope.population, segmentIds, maxSegments],
    );
  }

  /**
   * `campaignIds` null: every campaign an answer names. A customer counts in at most `maxCampaigns`
   * campaigns (a stable pseudo-random pick, as for segments): one person may answer for many.
   */
  byCampaign(scope: SurveyScope, campaignIds: readonly string[] | null, maxCampaigns: number | null = null): Promise<SurveyGroupRow[]> {
    return this.dataSource.query(
      `WITH a AS (${ANSWERS(`, i.attributes ->> 'campaignId'`)}), c AS (
         SELECT lower(a.campaign_id) AS key, a.score,
                row_number() OVER (PARTITION BY a.customer_id ORDER BY md5(a.customer_id::text || lower(a.campaign_id))) AS nth
           FROM a
          WHERE a.score BETWEEN 0 AND 10 AND a.campaign_id IS NOT NULL AND ($4::text[] IS NULL OR lower(a.campaign_id) = ANY($4::text[]))
       )
       SELECT a.key, ${TALLY}
         FROM c a
        WHERE $5::int IS NULL OR a.nth <= $5
        GROUP BY 1 ORDER BY 1`,
      [scope.attributeKey, scope.since, scope.population, campaignIds?.map((id) => id.toLowerCase()) ?? null, maxCampaigns],
    );
  }
}
