import type { DataSource } from 'typeorm';
import type { OfferChannel } from '../offer/offer.enums';
import type { ContactPolicyType } from './contact-policy.type';

type Row = { channel: string; max_shown: number; within_days: number; updated_at: Date | string };
const toPolicy = (r: Row): ContactPolicyType => ({ channel: r.channel as OfferChannel, maxShown: r.max_shown, withinDays: r.within_days, updatedAt: new Date(r.updated_at) });

/** All SQL on offers.contact_policy. */
export class ContactPolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<ContactPolicyType[]> {
    const rows: Row[] = await this.dataSource.query('SELECT * FROM offers.contact_policy ORDER BY channel');
    return rows.map(toPolicy);
  }

  async upsert(channel: OfferChannel, maxShown: number, withinDays: number): Promise<ContactPolicyType> {
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO offers.contact_policy (channel, max_shown, within_days, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (channel) DO UPDATE SET max_shown = EXCLUDED.max_shown, within_days = EXCLUDED.within_days, updated_at = now()
       RETURNING *`,
      [channel, maxShown, withinDays],
    );
    return toPolicy(rows[0]);
  }

  /** Removes the channel's policy; whether there was one. */
  async remove(channel: OfferChannel): Promise<boolean> {
    const rows: Row[] = await this.dataSource.query('DELETE FROM offers.contact_policy WHERE channel = $1 RETURNING *', [channel]);
    return rows.length > 0;
  }
}
