import { demoCustomerId, demoId, DEMO_WINDOW, Random, seasonalDate, type DemoOptions } from '@c360/shared';
import { isHeldOut, type HoldoutSettings } from '../performance/holdout';
import type { OffersDemoRows } from './seed-offers';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Leaves room after the last exposure for its follow-ups inside the demo window. */
const LAST_EXPOSURE = new Date(DEMO_WINDOW.to.getTime() - 30 * DAY);

/** The funnel each exposure may run through; held-out customers only redeem organically. */
const P = { shown: 0.35, declined: 0.08, clicked: 0.3, accepted: 0.5, redeemed: 0.45, organic: 0.04 };

/**
 * Responses of the demo customers to the ACTIVE demo offers: a sample is shown each offer,
 * fewer click, accept and redeem (with revenue), some decline. Customers held out of a
 * campaign get a suppressed SHOWN and, rarely, an organic STORE redemption, so uplift has a
 * baseline. Redemption orderIds are derived ids that need not match transactions' demo orders.
 */
export function buildDemoResponses(options: DemoOptions, rows: OffersDemoRows): Record<string, unknown>[] {
  const holdouts = new Map<unknown, HoldoutSettings>(
    rows.campaigns.map((c) => [c.id, { campaignId: c.id as string, holdoutPercent: c.holdout_percent as number, holdoutSeed: c.holdout_seed as number }]),
  );
  const active = rows.offers.filter((o) => o.status === 'ACTIVE');
  const out: Record<string, unknown>[] = [];
  const add = (offer: Record<string, unknown>, customerId: string, type: string, channel: unknown, at: Date, redemption?: { revenue: number }) => {
    const n = out.length;
    out.push({
      id: demoId(options.seed, 'offer-response', n), event_id: `demo-${options.seed}-${n}`, offer_id: offer.id, customer_id: customerId, type, channel,
      occurred_at: at.toISOString(), order_id: redemption ? demoId(options.seed, 'redemption-order', n) : null, revenue: redemption?.revenue ?? null, recorded_at: at.toISOString(),
    });
  };
  for (let i = 0; i < options.customers; i++) {
    const customerId = demoCustomerId(options, i);
    const random = new Random(`${options.seed}:responses:${i}`);
    for (const offer of active) {
      if (!random.chance(P.shown)) continue;
      const shownAt = seasonalDate(random, DEMO_WINDOW.from, LAST_EXPOSURE);
      const later = (min: number, max: number) => new Date(shownAt.getTime() + random.int(min, max));
      const revenue = () => ({ revenue: random.int(1500, 25000) / 100 });
      add(offer, customerId, 'SHOWN', offer.channel, shownAt);
      if (isHeldOut(holdouts.get(offer.campaign_id)!, customerId)) {
        if (random.chance(P.organic)) add(offer, customerId, 'REDEEMED', 'STORE', later(DAY, 14 * DAY), revenue());
        continue;
      }
      if (random.chance(P.declined)) {
        add(offer, customerId, 'DECLINED', offer.channel, later(MINUTE, 60 * MINUTE));
        continue;
      }
      if (!random.chance(P.clicked)) continue;
      add(offer, customerId, 'CLICKED', offer.channel, later(MINUTE, 60 * MINUTE));
      if (!random.chance(P.accepted)) continue;
      add(offer, customerId, 'ACCEPTED', offer.channel, later(2 * 60 * MINUTE, DAY));
      if (random.chance(P.redeemed)) add(offer, customerId, 'REDEEMED', random.chance(0.7) ? offer.channel : 'STORE', later(2 * DAY, 14 * DAY), revenue());
    }
  }
  return out;
}
