import type { DataSource } from 'typeorm';
import type { OfferChannel } from '../offer/offer.enums';
import { RECENCY_DAYS } from './offer-score';
import type { ChannelContacts, Exposure } from './targeting-facts';

const DAY_MS = 86_400_000;

export interface ExposureRow extends Exposure {
  customerId: string;
  offerId: string;
}

export interface ContactRow extends ChannelContacts {
  customerId: string;
  channel: OfferChannel;
}

export interface Exposures {
  byOffer: ExposureRow[];
  byChannel: ContactRow[];
}

type Raw = { kind: 'OFFER' | 'CHANNEL'; customer_id: string; key: string; shown: number; last_shown_at: Date | string | null; max_shown: number | null; within_days: number | null };

/** SHOWN responses per (customer, offer) and per (customer, channel): what frequency caps, the contact policy and the recency penalty read. */
export class ExposureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for every customer and offer of a request.
   * Per offer: each offer's own cap window counts. Only what the engine can use is read: SHOWN
   * responses inside the longest cap window of these offers or the recency-penalty window
   * (RECENCY_DAYS), whichever is longer. An older exposure neither counts against a cap nor
   * penalises, so leaving it out changes no result; the constant bound lets the
   * (customer_id, offer_id, occurred_at) index stop there. Each window is measured as its own rule
   * measures it: caps in SQL calendar days, recency in 24-hour days.
   * Per channel: SHOWN responses of any offer of any campaign inside the channel's contact-policy
   * window, for the channels that have a policy: a row per customer and policy, 0 when none was
   * shown, so a policy of 0 silences the channel for everyone (none: no rows).
   */
  async exposures(customerIds: readonly string[], offerIds: readonly string[], now: Date): Promise<Exposures> {
    if (customerIds.length === 0) return { byOffer: [], byChannel: [] };
    const rows: Raw[] = await this.dataSource.query(
      `SELECT 'OFFER' AS kind, r.customer_id, r.offer_id::text AS key,
              count(*) FILTER (WHERE o.frequency_cap_days IS NOT NULL AND r.occurred_at > $3::timestamptz - make_interval(days => o.frequency_cap_days))::int AS shown,
              max(r.occurred_at) AS last_shown_at, NULL::int AS max_shown, NULL::int AS within_days
       FROM offers.offer_response r
       JOIN offers.offer o ON o.id = r.offer_id
       WHERE r.type = 'SHOWN' AND r.customer_id = ANY($1::uuid[]) AND r.offer_id = ANY($2::uuid[]) AND r.occurred_at <= $3::timestamptz
         AND r.occurred_at > least(
           $4::timestamptz,
           $3::timestamptz - make_interval(days => (SELECT coalesce(max(c.frequency_cap_days), 0) FROM offers.offer c WHERE c.id = ANY($2::uuid[])))
         )
       GROUP BY r.customer_id, r.offer_id
       UNION ALL
       SELECT 'CHANNEL', c.customer_id, p.channel, count(r.customer_id)::int, max(r.occurred_at), p.max_shown, p.within_days
       FROM offers.contact_policy p
       CROSS JOIN unnest($1::uuid[]) AS c(customer_id)
       LEFT JOIN offers.offer_response r ON r.channel = p.channel AND r.type = 'SHOWN' AND r.customer_id = c.customer_id
         AND r.occurred_at <= $3::timestamptz AND r.occurred_at > $3::timestamptz - make_interval(days => p.within_days)
       GROUP BY c.customer_id, p.channel, p.max_shown, p.within_days`,
      [customerIds, offerIds, now.toISOString(), new Date(now.getTime() - RECENCY_DAYS * DAY_MS).toISOString()],
    );
    const byOffer: ExposureRow[] = [];
    const byChannel: ContactRow[] = [];
    for (const r of rows) {
      if (r.kind === 'OFFER') byOffer.push({ customerId: r.customer_id, offerId: r.key, shownInCapWindow: r.shown, lastShownAt: new Date(r.last_shown_at!) });
      else byChannel.push({ customerId: r.customer_id, channel: r.key as OfferChannel, shown: r.shown, maxShown: r.max_shown!, withinDays: r.within_days! });
    }
    return { byOffer, byChannel };
  }
}
