import type { DataSource } from 'typeorm';
import type { Exposure } from './targeting-facts';

export interface ExposureRow extends Exposure {
  customerId: string;
  offerId: string;
}

/** SHOWN responses per (customer, offer): what frequency caps and the recency penalty read. */
export class ExposureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement for every customer and offer of a request; each offer's own cap window counts. */
  async exposures(customerIds: readonly string[], offerIds: readonly string[], now: Date): Promise<ExposureRow[]> {
    if (customerIds.length === 0 || offerIds.length === 0) return [];
    const rows: Array<{ customer_id: string; offer_id: string; shown_in_cap_window: number; last_shown_at: Date | string }> = await this.dataSource.query(
      `SELECT r.customer_id, r.offer_id,
              count(*) FILTER (WHERE o.frequency_cap_days IS NOT NULL AND r.occurred_at > $3::timestamptz - make_interval(days => o.frequency_cap_days))::int AS shown_in_cap_window,
              max(r.occurred_at) AS last_shown_at
       FROM offers.offer_response r
       JOIN offers.offer o ON o.id = r.offer_id
       WHERE r.type = 'SHOWN' AND r.customer_id = ANY($1::uuid[]) AND r.offer_id = ANY($2::uuid[]) AND r.occurred_at <= $3::timestamptz
       GROUP BY r.customer_id, r.offer_id`,
      [customerIds, offerIds, now.toISOString()],
    );
    return rows.map((r) => ({ customerId: r.customer_id, offerId: r.offer_id, shownInCapWindow: r.shown_in_cap_window, lastShownAt: new Date(r.last_shown_at) }));
  }
}
