import { DEMO_PARTNERS, DEMO_WINDOW, demoCustomerId, demoCustomerSince } from '@c360/shared';
import { DEMO_GRANT_RATES, DEMO_PARTNER_GRANT_RATE, demoConsentLedger } from '../src/demo/demo-ledger';

const OPTIONS = { seed: 360, customers: 2000 };

describe('demo consent ledger', () => {
  const ledger = demoConsentLedger(OPTIONS);
  const grantShare = (purpose: string, partner: string | null = null) =>
    new Set(ledger.filter((e) => e.purpose_code === purpose && e.partner_id === partner && e.status === 'GRANTED').map((e) => e.customer_id)).size / OPTIONS.customers;

  it('grants each purpose to about the intended share of customers', () => {
    for (const [purpose, rate] of Object.entries(DEMO_GRANT_RATES)) expect(Math.abs(grantShare(purpose) - rate)).toBeLessThan(0.04);
    for (const partner of DEMO_PARTNERS) expect(Math.abs(grantShare('PARTNER_SHARING', partner.id) - DEMO_PARTNER_GRANT_RATE)).toBeLessThan(0.03);
  });

  it('contains denials and withdraws about a tenth of the grants', () => {
    const count = (status: string) => ledger.filter((e) => e.status === status).length;
    expect(count('DENIED')).toBeGreaterThan(0);
    expect(count('WITHDRAWN') / count('GRANTED')).toBeGreaterThan(0.07);
    expect(count('WITHDRAWN') / count('GRANTED')).toBeLessThan(0.13);
  });

  it('dates every event inside the demo window and after the customer joined, in append order', () => {
    const since = new Map(Array.from({ length: OPTIONS.customers }, (_, i) => [demoCustomerId(OPTIONS, i), demoCustomerSince(OPTIONS, i).getTime()]));
    const outside = ledger.filter((e) => {
      const t = new Date(e.recorded_at).getTime();
      return t < Math.max(DEMO_WINDOW.from.getTime(), since.get(e.customer_id)!) || t > DEMO_WINDOW.to.getTime();
    });
    expect(outside).toEqual([]);
    expect(ledger.map((e) => e.recorded_at)).toEqual([...ledger.map((e) => e.recorded_at)].sort());
  });

  it('uses several channels and records MARKETING grants under the notice in force', () => {
    expect(new Set(ledger.map((e) => e.channel)).size).toBeGreaterThanOrEqual(5);
    const marketing = ledger.filter((e) => e.purpose_code === 'MARKETING' && e.status !== 'WITHDRAWN');
    expect(marketing.filter((e) => e.notice_version !== (e.recorded_at >= '2025-05-01' ? 2 : 1))).toEqual([]);
    expect(new Set(marketing.map((e) => e.notice_version))).toEqual(new Set([1, 2]));
  });
});
