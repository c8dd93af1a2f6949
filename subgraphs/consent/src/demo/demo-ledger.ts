import { DEMO_PARTNERS, DEMO_WINDOW, demoCustomerId, demoCustomerSince, demoId, Random, type DemoOptions } from '@c360/shared';
import { demoNoticeVersions } from './demo-catalogue';

/** Share of demo customers who granted each purpose at some point (before any withdrawal). */
export const DEMO_GRANT_RATES: Record<string, number> = { MARKETING: 0.6, PERSONALISATION: 0.5, PROFILING: 0.45, ANALYTICS: 0.7 };
export const DEMO_PARTNER_GRANT_RATE = 0.15;
/** Of those who did not grant, how many were asked and said no (the rest were never asked). */
const DENIAL_RATE = 0.35;
const WITHDRAWAL_RATE = 0.1;

const CHANNELS = ['WEB', 'MOBILE', 'STORE', 'CALL_CENTER', 'EMAIL', 'PAPER', 'API'] as const;
const CHANNEL_WEIGHTS = [40, 25, 12, 6, 10, 4, 3];
const CLIENT_BY_CHANNEL: Record<string, string> = {
  WEB: 'webshop',
  MOBILE: 'mobile-app',
  STORE: 'store-pos',
  CALL_CENTER: 'service-desk',
  EMAIL: 'preference-centre',
  PAPER: 'paper-form-import',
  API: 'crm-integration',
};

export type DemoConsentEvent = {
  id: string;
  customer_id: string;
  purpose_code: string;
  partner_id: string | null;
  status: 'GRANTED' | 'DENIED' | 'WITHDRAWN';
  notice_version: number | null;
  channel: string;
  client_id: string;
  recorded_at: string;
};

function noticeAt(purposeCode: string, at: Date): number {
  return demoNoticeVersions(purposeCode).find((n) => n.from <= at)!.version;
}

/**
 * The demo consent ledger, in the order it is appended (by time): per customer and purpose
 * (and per partner for PARTNER_SHARING) a grant, a denial or nothing; some grants are later
 * withdrawn. Every timestamp is inside the demo window and after the customer joined.
 */
export function demoConsentLedger(options: DemoOptions): DemoConsentEvent[] {
  const events: DemoConsentEvent[] = [];
  const scopes = [
    ...Object.entries(DEMO_GRANT_RATES).map(([purpose, rate]) => ({ purpose, partner: null as string | null, rate })),
    ...DEMO_PARTNERS.map((p) => ({ purpose: 'PARTNER_SHARING', partner: p.id as string | null, rate: DEMO_PARTNER_GRANT_RATE })),
  ];
  for (let i = 0; i < options.customers; i++) {
    const customerId = demoCustomerId(options, i);
    const from = Math.max(demoCustomerSince(options, i).getTime(), DEMO_WINDOW.from.getTime());
    const to = DEMO_WINDOW.to.getTime();
    let k = 0;
    for (const scope of scopes) {
      // One generator per (customer, scope): changing one purpose's rates leaves the others' data unchanged.
      const random = new Random(`${options.seed}:consent:${i}:${scope.purpose}:${scope.partner ?? ''}`);
      const roll = random.next();
      const status = roll < scope.rate ? 'GRANTED' : roll < scope.rate + (1 - scope.rate) * DENIAL_RATE ? 'DENIED' : null;
      if (!status) continue;
      const decidedAt = new Date(Math.floor(from + random.next() * (to - from) * 0.6));
      const event = (status: DemoConsentEvent['status'], at: Date): DemoConsentEvent => {
        const channel = random.weighted(CHANNELS, CHANNEL_WEIGHTS);
        return {
          id: demoId(options.seed, `consent:${i}`, k++),
          customer_id: customerId,
          purpose_code: scope.purpose,
          partner_id: scope.partner,
          status,
          notice_version: status === 'WITHDRAWN' ? null : noticeAt(scope.purpose, at),
          channel,
          client_id: CLIENT_BY_CHANNEL[channel],
          recorded_at: at.toISOString(),
        };
      };
      events.push(event(status, decidedAt));
      if (status === 'GRANTED' && random.chance(WITHDRAWAL_RATE)) {
        events.push(event('WITHDRAWN', new Date(Math.floor(decidedAt.getTime() + 60_000 + random.next() * (to - decidedAt.getTime() - 60_000)))));
      }
    }
  }
  return events.sort((a, b) => (a.recorded_at === b.recorded_at ? (a.id < b.id ? -1 : 1) : a.recorded_at < b.recorded_at ? -1 : 1));
}
