import type { DataSource } from 'typeorm';
import { OPTION_KEY_PREFIX } from '../eligibility/personalisation';
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

/** How much one customer may add to a campaign's figures (the aggregate release policy's bounds). */
export interface ResponseContributionBounds {
  /** Channels of one campaign a customer counts in. */
  maxChannelsPerCustomer: number;
  /** Responses of one type (and channel) a customer adds. */
  maxResponsesPerCustomer: number;
  /** Revenue of one type (and channel) a customer adds. */
  maxRevenuePerCustomer: number;
}

/** Distinct treated customers naming one option of an ADAPTIVE offer, per response type (`type` null: any type). */
export interface OptionPerformanceRow {
  campaignId: string;
  offerId: string;
  optionKey: string;
  type: string | null;
  customers: number;
}

/** One option of an ADAPTIVE offer of a campaign: the grid every option figure is released over. */
export interface CampaignOption {
  campaignId: string;
  offerId: string;
  optionKey: string;
}

/** All SQL for campaign performance. */
export class PerformanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for any number of campaigns: distinct customers per type, per channel and over
   * all channels, with each customer's contribution bounded first (responses and revenue per
   * cell clamped; at most maxChannels channels per customer and campaign, a stable pseudo-random pick).
   */
  async countsFor(campaignIds: readonly string[], bounds: ResponseContributionBounds): Promise<PerformanceRow[]> {
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH r AS (
         SELECT o.campaign_id, r.customer_id, r.type, r.channel, r.revenue,
                CASE WHEN ${heldOutSql('c', 'r.customer_id')} THEN 'HOLDOUT' ELSE 'TREATED' END AS grp
         FROM offers.offer_response r
         JOIN offers.offer o ON o.id = r.offer_id
         JOIN offers.campaign c ON c.id = o.campaign_id
         WHERE o.campaign_id = ANY($1::uuid[])
       ), channel_pick AS (
         SELECT campaign_id, customer_id, channel,
                row_number() OVER (PARTITION BY campaign_id, customer_id ORDER BY md5(customer_id::text || channel)) AS nth
         FROM (SELECT DISTINCT campaign_id, customer_id, channel FROM r) d
       ), per_customer AS (
         SELECT campaign_id, grp, type, channel, customer_id, count(*) AS responses, coalesce(sum(revenue), 0) AS revenue
         FROM r GROUP BY campaign_id, grp, type, channel, customer_id
       ), per_type AS (
         SELECT campaign_id, grp, type, NULL::text AS channel, customer_id,
                least(sum(responses), $2::int) AS responses, least(greatest(sum(revenue), 0), $3::numeric) AS revenue
         FROM per_customer GROUP BY campaign_id, grp, type, customer_id
       ), per_channel AS (
         SELECT p.campaign_id, p.grp, p.type, p.channel::text AS channel, p.customer_id,
                least(p.responses, $2::int) AS responses, least(greatest(p.revenue, 0), $3::numeric) AS revenue
         FROM per_customer p JOIN channel_pick k USING (campaign_id, customer_id, channel)
         WHERE k.nth <= $4::int
       )
       SELECT campaign_id, grp, type, channel,
              count(*)::int AS customers, sum(responses)::int AS responses, coalesce(sum(revenue), 0)::float8 AS revenue
       FROM (SELECT * FROM per_type UNION ALL SELECT * FROM per_channel) bounded
       GROUP BY campaign_id, grp, type, channel`,
      [campaignIds, bounds.maxResponsesPerCustomer, bounds.maxRevenuePerCustomer, bounds.maxChannelsPerCustomer],
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

  /** Every option of the campaigns' ADAPTIVE offers (design, not responses: the grid is known before anyone answered). */
  optionsOf(campaignIds: readonly string[]): Promise<CampaignOption[]> {
    return this.dataSource.query(
      `SELECT o.campaign_id AS "campaignId", o.id AS "offerId", '${OPTION_KEY_PREFIX}' || p.sku AS "optionKey"
       FROM offers.offer o JOIN offers.offer_product p ON p.offer_id = o.id
       WHERE o.campaign_id = ANY($1::uuid[]) AND o.personalisation_type = 'ADAPTIVE'
       ORDER BY o.campaign_id, o.id, p.position`,
      [campaignIds],
    );
  }

  /**
   * The funnel per ADAPTIVE option, treated customers only, in one statement: each customer counts
   * in at most maxOptions options per campaign (a stable pseudo-random pick), once per type.
   */
  async optionCountsFor(campaignIds: readonly string[], maxOptionsPerCustomer: number): Promise<OptionPerformanceRow[]> {
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH r AS (
         SELECT o.campaign_id, r.offer_id, r.option_key, r.customer_id, r.type
         FROM offers.offer_response r
         JOIN offers.offer o ON o.id = r.offer_id
         JOIN offers.campaign c ON c.id = o.campaign_id
         WHERE o.campaign_id = ANY($1::uuid[]) AND r.option_key IS NOT NULL AND NOT ${heldOutSql('c', 'r.customer_id')}
       ), pick AS (
         SELECT campaign_id, customer_id, offer_id, option_key,
                row_number() OVER (PARTITION BY campaign_id, customer_id ORDER BY md5(customer_id::text || offer_id::text || option_key)) AS nth
         FROM (SELECT DISTINCT campaign_id, customer_id, offer_id, option_key FROM r) d
       )
       SELECT r.campaign_id, r.offer_id, r.option_key, r.type, count(DISTINCT r.customer_id)::int AS customers
       FROM r JOIN pick k USING (campaign_id, customer_id, offer_id, option_key)
       WHERE k.nth <= $2::int
       GROUP BY GROUPING SETS ((r.campaign_id, r.offer_id, r.option_key, r.type), (r.campaign_id, r.offer_id, r.option_key))`,
      [campaignIds, maxOptionsPerCustomer],
    );
    return raw.map((r) => ({
      campaignId: r.campaign_id as string,
      offerId: r.offer_id as string,
      optionKey: r.option_key as string,
      type: (r.type as string | null) ?? null,
      customers: r.customers as number,
    }));
  }
}
