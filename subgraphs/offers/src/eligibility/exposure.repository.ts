import type { DataSource } from 'typeorm';
import { RECENCY_DAYS } from './offer-score';

const DAY_MS = 86_400_000;
import type { Exposure } from './targeting-facts';

export interface ExposureRow extends Exposure {
  customerId: string;
  offerId: string;
}

/** SHOWN responses per (customer, offer): what frequency caps and the recency penalty read. */
export class ExposureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for every customer and offer of a request; each offer's own cap window counts.
   * Only what the engine can use is read: SHOWN responses inside the longest cap window of these
   * offers or the recency-penalty window (RECENCY_DAYS), whichever is longer. An older exposure
   * neither counts against a cap nor penalises, so leaving it out changes no result; the
   * constant bound lets the (customer_id, offer_id, occurred_at) index stop there. Each window
   * is measured as its own rule measures it: caps in SQL calendar days, recency in 24-hour days.
   */
  async exposures(customerIds: readonly string[], offerIds: readonly string[], now: Date): Promise<ExposureRow[]> {
    if (customerIds.length === 0 || offerIds.length === 0) return [];
    const rows: Array<{ customer_id: string; offer_id: string; shown_in_cap_window: number; last_shown_at: Date | string }> = await this.dataSource.query(
      `SELECT r.customer_id, r.offer_id,
              count(*) FILTER (WHERE o.frequency_cap_days IS NOT NULL AND r.occurred_at > $3::timestamptz - make_interval(days => o.frequency_cap_days))::int AS shown_in_cap_window,
              max(r.occurred_at) AS last_shown_at
       FROM offers.offer_response r
       JOIN offers.offer o ON o.id = r.offer_id
       WHERE r.type = 'SHOWN' AND r.customer_id = ANY($1::uuid[]) AND r.offer_id = ANY($2::uuid[]) AND r.occurred_at <= $3::timestamptz
         AND r.occurred_at > least(
           $4::timestamptz,
           $3::timestamptz - make_interval(days => (SELECT coalesce(max(c.frequency_cap_days), 0) FROM offers.offer c WHERE c.id = ANY($2::uuid[])))
         )
       GROUP BY r.customer_id, r.offer_id`,
      [customerIds, offerIds, now.toISOString(), new Date(now.getTime() - RECENCY_DAYS * DAY_MS).toISOString()],
    );
    return rows.map((r) => ({ customerId: r.customer_id, offerId: r.offer_id, shownInCapWindow: r.shown_in_cap_window, lastShownAt: new Date(r.last_shown_at) }));
  }
}
