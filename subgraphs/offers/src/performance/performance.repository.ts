import type { DataSource } from 'typeorm';
import { heldOutSql } from './holdout';

export type ResponseGroup = 'TREATED' | 'HOLDOUT';

/** Response counts of one campaign, group and type; `channel` null for the all-channels total. */
export interface PerformanceRow {
  campaignId: string;
  group: ResponseGroup;
  type: string;
  channel: string | null;
  customers: number;
  responses: number;
  revenue: number;
}

/** All SQL for campaign performance. */
export class PerformanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement for any number of campaigns: distinct customers per type, per channel and over all channels. */
  async countsFor(campaignIds: readonly string[]): Promise<PerformanceRow[]> {
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH r AS (
         SELECT o.campaign_id, r.customer_id, r.type, r.channel, r.revenue,
                CASE WHEN ${heldOutSql('c', 'r.customer_id')} THEN 'HOLDOUT' ELSE 'TREATED' END AS grp
         FROM offers.offer_response r
         JOIN offers.offer o ON o.id = r.offer_id
         JOIN offers.campaign c ON c.id = o.campaign_id
         WHERE o.campaign_id = ANY($1::uuid[])
       )
       SELECT campaign_id, grp, type, CASE WHEN GROUPING(channel) = 1 THEN NULL ELSE channel END AS channel,
              count(DISTINCT customer_id)::int AS customers, count(*)::int AS responses, coalesce(sum(revenue), 0)::float8 AS revenue
       FROM r
       GROUP BY GROUPING SETS ((campaign_id, grp, type, channel), (campaign_id, grp, type))`,
      [campaignIds],
    );
    return raw.map((r) => ({
      campaignId: r.campaign_id as string,
      group: r.grp as ResponseGroup,
      type: r.type as string,
      channel: (r.channel as string | null) ?? null,
      customers: r.customers as number,
      responses: r.responses as number,
      revenue: r.revenue as number,
    }));
  }
}
