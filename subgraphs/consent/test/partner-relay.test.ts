import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecisionReason, EVENT_TYPES, PersonalDataCategory, type ConsentDecision, type EventEnvelope } from '@c360/shared';
import { CUSTOMER_FIELD_CATEGORY, PARTNER_EVENT_RULES, planPartnerRelay, type DecideMany } from '../src/webhooks/partner-relay';

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const CAROL = '33333333-3333-4333-8333-333333333333';
const PARTNER = 'partner-nordic-travel';
const event = (type: EventEnvelope['type'], customerId: string | null, payload: Record<string, unknown> = {}): EventEnvelope => ({ id: 'e', type, version: 1, occurredAt: '2026-11-30T00:00:00Z', customerId, payload });

/** What each customer granted the partner, by category. */
let grants: Record<string, PersonalDataCategory[]>;
const asked: { customerId: string; category: PersonalDataCategory }[] = [];
const decide: DecideMany = async (requests) =>
  requests.map(({ customerId, category }): ConsentDecision => {
    asked.push({ customerId, category });
    return grants[customerId]?.includes(category)
      ? { customerId, category, allowed: true, reason: DecisionReason.CONSENT_GRANTED, consentRecordId: `grant-${customerId.slice(0, 1)}-${category}` }
      : { customerId, category, allowed: false, reason: DecisionReason.NO_CONSENT };
  });
const received = new Set([ALICE]);
const receivedBefore = async (customerId: string) => received.has(customerId);
const plan = (e: EventEnvelope, partnerId = PARTNER) => planPartnerRelay(e, partnerId, decide, receivedBefore);

beforeEach(() => {
  // Alice granted the partner FINANCIAL only; Bob the catalogue's PARTNER_SHARING categories; Carol everything but CONTACT.
  grants = {
    [ALICE]: [PersonalDataCategory.FINANCIAL],
    [BOB]: [PersonalDataCategory.IDENTITY, PersonalDataCategory.CONTACT, PersonalDataCategory.DEMOGRAPHIC],
    [CAROL]: Object.values(PersonalDataCategory).filter((c) => c !== PersonalDataCategory.CONTACT),
  };
  asked.length = 0;
});

describe('which events a partner webhook receives', () => {
  it('has a rule for every event type of the catalogue, and the catalogue is what schema/events documents', () => {
    // A type added to EVENT_VERSIONS without a partner rule fails here (and does not compile).
    for (const type of EVENT_TYPES) expect([type, PARTNER_EVENT_RULES[type]?.kind]).toEqual([type, expect.stringMatching(/^(data|fields|nonPersonal|ownPartner|notice|never)$/)]);
    expect(Object.keys(PARTNER_EVENT_RULES).sort()).toEqual([...EVENT_TYPES].sort());
    // Every type that carries personal data names at least one category.
    for (const [type, rule] of Object.entries(PARTNER_EVENT_RULES)) if (rule.kind === 'data') expect([type, rule.categories.length > 0]).toEqual([type, true]);
    // Every payload field customer.updated can name (the profile columns its schema lists) has a category.
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../../schema/events/customer.updated.v1.json'), 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual(['customerId', 'fields']);
    expect(Object.values(CUSTOMER_FIELD_CATEGORY).every((c) => Object.values(PersonalDataCategory).includes(c))).toBe(true);
  });

  it('relays an event only when the same consent decision as a query allows its category, naming the grant for the disclosure ledger', async () => {
    expect(await plan(event('order.recorded', ALICE))).toEqual({
      deliver: true,
      notice: false,
      event: event('order.recorded', ALICE),
      disclosures: [{ customerId: ALICE, categories: [PersonalDataCategory.FINANCIAL], consentRecordIds: ['grant-1-FINANCIAL'] }],
    });
    expect(await plan(event('order.recorded', BOB))).toEqual({ deliver: false });
    expect(await plan(event('customer.updated', ALICE, { customerId: ALICE, fields: [] }))).toEqual({ deliver: false }); // IDENTITY not granted
    expect(await plan(event('offer.response_recorded', ALICE))).toEqual({ deliver: false });
  });

  it('maps the newer types to the categories their payload carries, and never sends segment memberships to partners', async () => {
    const behavioural = ['offer.picked', 'offer.response_recorded'] as const;
    for (const type of behavioural) {
      expect(await plan(event(type, BOB, { offerId: 'x' }))).toEqual({ deliver: false }); // Bob: no BEHAVIOURAL
      expect(await plan(event(type, CAROL, { offerId: 'x' }))).toMatchObject({ deliver: true, disclosures: [{ customerId: CAROL, categories: [PersonalDataCategory.BEHAVIOURAL] }] });
    }
    expect(asked.filter((a) => a.customerId === CAROL).map((a) => a.category)).toEqual(behavioural.map(() => PersonalDataCategory.BEHAVIOURAL));
    // A membership says whatever its rule reads (age, location, value, another purpose's consent): even Carol,
    // who granted every category but CONTACT, is never reported entering or leaving a segment.
    for (const type of ['segment.entered', 'segment.exited'] as const) expect(await plan(event(type, CAROL, { segmentId: 'x', version: 1 }))).toEqual({ deliver: false });
  });

  it('relays a merge on the survivor’s consent (the most restrictive of both profiles once merged), an unmerge only when both profiles allow it', async () => {
    const merged = (mergedId: string, survivorId: string) => event('customer.merged', mergedId, { mergeId: 'm', survivorId, mergedId });
    const unmerged = (mergedId: string, survivorId: string) => event('customer.unmerged', mergedId, { mergeId: 'm', survivorId, mergedId });
    // The partner already knows Alice's id (it received something about her): the link is disclosed under both ids.
    expect(await plan(merged(ALICE, CAROL))).toEqual({
      deliver: true,
      notice: false,
      event: merged(ALICE, CAROL),
      disclosures: [
        { customerId: ALICE, categories: [PersonalDataCategory.IDENTITY], consentRecordIds: ['grant-3-IDENTITY'] },
        { customerId: CAROL, categories: [PersonalDataCategory.IDENTITY], consentRecordIds: ['grant-3-IDENTITY'] },
      ],
    });
    expect(await plan(merged(BOB, ALICE))).toEqual({ deliver: false }); // the survivor never released her identity
    // Bob's id is new to the partner: the event would hand it over and link it to Carol, whatever Carol allows.
    expect(await plan(merged(BOB, CAROL))).toEqual({ deliver: false });
    expect(await plan(unmerged(BOB, CAROL))).toEqual({
      deliver: true,
      notice: false,
      event: unmerged(BOB, CAROL),
      disclosures: [
        { customerId: BOB, categories: [PersonalDataCategory.IDENTITY], consentRecordIds: ['grant-2-IDENTITY'] },
        { customerId: CAROL, categories: [PersonalDataCategory.IDENTITY], consentRecordIds: ['grant-3-IDENTITY'] },
      ],
    });
    expect(await plan(unmerged(ALICE, CAROL))).toEqual({ deliver: false }); // the restored profile never released its identity
    expect(await plan(unmerged(CAROL, ALICE))).toEqual({ deliver: false });
    expect(await plan(event('customer.merged', BOB, { mergeId: 'm', mergedId: BOB }))).toEqual({ deliver: false }); // no survivor: nothing to judge
  });

  it('tells a partner about its own deactivation only', async () => {
    expect(await plan(event('partner.deactivated', null, { partnerId: PARTNER }))).toEqual({ deliver: true, notice: false, event: event('partner.deactivated', null, { partnerId: PARTNER }), disclosures: [] });
    expect(await plan(event('partner.reactivated', null, { partnerId: 'partner-other' }))).toEqual({ deliver: false });
  });

  it('narrows customer.updated to the fields whose category the partner’s consent covers', async () => {
    const updated = (customerId: string, fields: string[]) => event('customer.updated', customerId, { customerId, fields });
    // Bob: IDENTITY, CONTACT, DEMOGRAPHIC, not LOCATION.
    const bob = await plan(updated(BOB, ['birthDate', 'city', 'email', 'givenName', 'postalCode']));
    expect(bob).toEqual({
      deliver: true,
      notice: false,
      event: updated(BOB, ['birthDate', 'email', 'givenName']),
      disclosures: [{ customerId: BOB, categories: [PersonalDataCategory.IDENTITY, PersonalDataCategory.DEMOGRAPHIC, PersonalDataCategory.CONTACT], consentRecordIds: ['grant-2-IDENTITY', 'grant-2-DEMOGRAPHIC', 'grant-2-CONTACT'] }],
    });
    // Only withheld fields changed: nothing at all (an empty list would still tell that something changed).
    expect(await plan(updated(BOB, ['city', 'countryCode']))).toEqual({ deliver: false });
    // A field name without a category withholds the whole event (fail closed), however much else the partner may see.
    asked.length = 0;
    expect(await plan(updated(CAROL, ['givenName', 'somethingNew']))).toEqual({ deliver: false });
    expect(await plan(updated(CAROL, ['toString']))).toEqual({ deliver: false }); // not a category map key, though every object has it
    expect(await plan({ ...updated(CAROL, []), payload: { customerId: CAROL, fields: ['givenName', 7] } })).toEqual({ deliver: false });
    expect(asked).toEqual([]); // decided before asking anyone
    // Carol: no CONTACT.
    expect(await plan(updated(CAROL, ['email', 'phone']))).toEqual({ deliver: false });
    expect(await plan(updated(CAROL, ['email', 'region']))).toMatchObject({ event: { payload: { customerId: CAROL, fields: ['region'] } }, disclosures: [{ categories: [PersonalDataCategory.IDENTITY, PersonalDataCategory.LOCATION] }] });
    // No field changed (only external ids): IDENTITY decides.
    expect(await plan(updated(BOB, []))).toMatchObject({ deliver: true, event: { payload: { fields: [] } } });
  });

  it('never relays subject requests or consent decisions about other partners; stock events carry nobody', async () => {
    expect(await plan(event('subject_request.completed', ALICE))).toEqual({ deliver: false });
    expect(await plan(event('consent.granted', ALICE, { partnerId: PARTNER }))).toEqual({ deliver: false });
    expect(await plan(event('consent.denied', ALICE, { partnerId: PARTNER }))).toEqual({ deliver: false });
    expect(await plan(event('consent.withdrawn', ALICE, { partnerId: 'partner-other' }))).toEqual({ deliver: false });
    expect(await plan(event('stock.level_changed', null))).toMatchObject({ deliver: true, disclosures: [] });
    expect(await plan(event('stock.level_changed', ALICE))).toEqual({ deliver: false });
  });

  it('sends deletion notices to an earlier recipient only', async () => {
    expect(await plan(event('customer.erased', ALICE))).toEqual({ deliver: true, notice: true, event: event('customer.erased', ALICE) });
    expect(await plan(event('consent.withdrawn', ALICE, { partnerId: PARTNER }))).toMatchObject({ deliver: true, notice: true });
    expect(await plan(event('customer.erased', BOB))).toEqual({ deliver: false });
  });
});
