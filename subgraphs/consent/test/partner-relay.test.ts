import { DecisionReason, PersonalDataCategory, type ConsentDecision, type EventEnvelope } from '@c360/shared';
import { planPartnerRelay } from '../src/webhooks/partner-relay';

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const PARTNER = 'partner-nordic-travel';
const event = (type: EventEnvelope['type'], customerId: string | null, payload: Record<string, unknown> = {}): EventEnvelope => ({ id: 'e', type, version: 1, occurredAt: '2026-11-30T00:00:00Z', customerId, payload });

/** Alice granted the partner FINANCIAL only; Bob granted nothing. */
const decide = async (customerId: string, category: PersonalDataCategory): Promise<ConsentDecision> =>
  customerId === ALICE && category === PersonalDataCategory.FINANCIAL
    ? { customerId, category, allowed: true, reason: DecisionReason.CONSENT_GRANTED, consentRecordId: 'grant-1' }
    : { customerId, category, allowed: false, reason: DecisionReason.NO_CONSENT };
const received = new Set([ALICE]);
const receivedBefore = async (customerId: string) => received.has(customerId);
const plan = (e: EventEnvelope) => planPartnerRelay(e, PARTNER, decide, receivedBefore);

describe('which events a partner webhook receives', () => {
  it('relays an event only when the same consent decision as a query allows its category, naming the grant for the disclosure ledger', async () => {
    expect(await plan(event('order.recorded', ALICE))).toEqual({ deliver: true, notice: false, category: PersonalDataCategory.FINANCIAL, consentRecordId: 'grant-1' });
    expect(await plan(event('order.recorded', BOB))).toEqual({ deliver: false });
    expect(await plan(event('customer.updated', ALICE))).toEqual({ deliver: false }); // IDENTITY not granted
    expect(await plan(event('offer.response_recorded', ALICE))).toEqual({ deliver: false });
  });

  it('never relays subject requests or consent decisions about other partners; stock events carry nobody', async () => {
    expect(await plan(event('subject_request.completed', ALICE))).toEqual({ deliver: false });
    expect(await plan(event('consent.granted', ALICE, { partnerId: PARTNER }))).toEqual({ deliver: false });
    expect(await plan(event('consent.withdrawn', ALICE, { partnerId: 'partner-other' }))).toEqual({ deliver: false });
    expect(await plan(event('stock.level_changed', null))).toMatchObject({ deliver: true, category: null });
  });

  it('sends deletion notices to an earlier recipient only', async () => {
    expect(await plan(event('customer.erased', ALICE))).toEqual({ deliver: true, notice: true });
    expect(await plan(event('consent.withdrawn', ALICE, { partnerId: PARTNER }))).toEqual({ deliver: true, notice: true });
    expect(await plan(event('customer.erased', BOB))).toEqual({ deliver: false });
  });
});
