import { PersonalDataCategory, type ConsentDecision, type EventEnvelope, type EventType } from '@c360/shared';

/**
 * What an event tells a partner, per type of the catalogue (every type has a rule: a new type without
 * one does not compile, and tests/events enumerate the catalogue):
 * - `data`: personal data about the customers it names, in these categories (payloads carry ids, codes
 *   and field names, so the event reveals at least that the customer exists and did this). Merge events
 *   name a second customer (`survivorId`): see planData for whose consent decides.
 * - `fields`: `customer.updated`, IDENTITY plus, per changed field, that field's category (the names of
 *   the changed fields are information about the customer): a partner gets only the fields its consent covers.
 * - `nonPersonal`: about nobody (stock levels).
 * - `ownPartner`: about a partner, not a customer (`partner.deactivated`): only that partner gets it.
 * - `notice`: deletion notices (see PARTNER_DELETION_NOTICES).
 * - `never`: not for partners (consent decisions, subject requests).
 */
export type PartnerEventRule =
  | { kind: 'data'; categories: readonly PersonalDataCategory[] }
  | { kind: 'fields' }
  | { kind: 'nonPersonal' }
  | { kind: 'ownPartner' }
  | { kind: 'notice' }
  | { kind: 'never' };

const data = (...categories: PersonalDataCategory[]): PartnerEventRule => ({ kind: 'data', categories });

export const PARTNER_EVENT_RULES: Readonly<Record<EventType, PartnerEventRule>> = {
  'customer.created': data(PersonalDataCategory.IDENTITY),
  'customer.updated': { kind: 'fields' },
  'customer.erased': { kind: 'notice' },
  // "This person is that person": identity resolution (see planData for whose consent decides).
  'customer.merged': data(PersonalDataCategory.IDENTITY),
  'customer.unmerged': data(PersonalDataCategory.IDENTITY),
  // Membership is profiling and says whatever the segment's rule reads (age, location, value, even another
  // purpose's consent), which the event does not carry; partners never read segments through the graph either.
  'segment.entered': { kind: 'never' },
  'segment.exited': { kind: 'never' },
  'consent.granted': { kind: 'never' },
  'consent.withdrawn': { kind: 'notice' },
  'consent.denied': { kind: 'never' },
  'partner.deactivated': { kind: 'ownPartner' },
  'partner.reactivated': { kind: 'ownPartner' },
  'order.recorded': data(PersonalDataCategory.FINANCIAL),
  'order.status_changed': data(PersonalDataCategory.FINANCIAL),
  'stock.level_changed': { kind: 'nonPersonal' },
  // Responses and picks are exposures to offers: behaviour.
  'offer.response_recorded': data(PersonalDataCategory.BEHAVIOURAL),
  'offer.picked': data(PersonalDataCategory.BEHAVIOURAL),
  'subject_request.completed': { kind: 'never' },
};

/**
 * The category of each field name a `customer.updated` can carry (the customers subgraph's profile
 * columns, as Customer's @PersonalData marks them). This subgraph cannot read the customers subgraph's
 * code, so tests/events/customer-updated-categories.test.ts holds the two together: it fails when a
 * field that subgraph can name (its CUSTOMER_UPDATED_FIELDS) is missing here or has another category
 * than the Customer field showing it declares. Should a name not listed here reach the relay anyway,
 * the event is withheld from every partner (fail closed): a partner is never told of a change it may
 * not know, nor told less than what changed.
 */
export const CUSTOMER_FIELD_CATEGORY: Readonly<Record<string, PersonalDataCategory>> = {
  displayName: PersonalDataCategory.IDENTITY,
  givenName: PersonalDataCategory.IDENTITY,
  familyName: PersonalDataCategory.IDENTITY,
  email: PersonalDataCategory.CONTACT,
  phone: PersonalDataCategory.CONTACT,
  birthDate: PersonalDataCategory.DEMOGRAPHIC,
  locale: PersonalDataCategory.DEMOGRAPHIC,
  addressLine1: PersonalDataCategory.LOCATION,
  addressLine2: PersonalDataCategory.LOCATION,
  postalCode: PersonalDataCategory.LOCATION,
  city: PersonalDataCategory.LOCATION,
  region: PersonalDataCategory.LOCATION,
  countryCode: PersonalDataCategory.LOCATION,
};

/** Deletion notices: sent to every partner that earlier received an event about the customer, whatever consent says now. */
export const PARTNER_DELETION_NOTICES: ReadonlySet<string> = new Set(
  (Object.entries(PARTNER_EVENT_RULES) as [EventType, PartnerEventRule][]).filter(([, rule]) => rule.kind === 'notice').map(([type]) => type),
);

/** One ledger entry of a data delivery: which customer, which categories, under which grants. */
export interface PartnerDisclosure {
  customerId: string;
  categories: PersonalDataCategory[];
  consentRecordIds: string[];
}

export type PartnerRelayPlan =
  | { deliver: false }
  /** `event`: what this partner receives (a `customer.updated` narrowed to the fields its consent covers). */
  | { deliver: true; notice: false; event: EventEnvelope; disclosures: PartnerDisclosure[] }
  | { deliver: true; notice: true; event: EventEnvelope };

export type DecideMany = (requests: { customerId: string; category: PersonalDataCategory }[]) => Promise<ConsentDecision[]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether one event goes to one partner's webhook, and in what form, decided exactly as a query by
 * that partner would be: the same consent decision (`decide`, the partner's PARTNER_SHARING grant per
 * category) must allow every category the event discloses about every customer it names, or the event
 * is a deletion notice and the partner received something about the customer before.
 */
export async function planPartnerRelay(event: EventEnvelope, partnerId: string, decide: DecideMany, receivedBefore: (customerId: string) => Promise<boolean>): Promise<PartnerRelayPlan> {
  const rule: PartnerEventRule | undefined = PARTNER_EVENT_RULES[event.type];
  switch (rule?.kind) {
    case 'notice':
      if (!event.customerId) return { deliver: false };
      if (event.type === 'consent.withdrawn' && event.payload.partnerId !== partnerId) return { deliver: false };
      return (await receivedBefore(event.customerId)) ? { deliver: true, notice: true, event } : { deliver: false };
    case 'nonPersonal':
      return event.customerId ? { deliver: false } : { deliver: true, notice: false, event, disclosures: [] };
    case 'ownPartner':
      return !event.customerId && event.payload.partnerId === partnerId ? { deliver: true, notice: false, event, disclosures: [] } : { deliver: false };
    case 'data':
      return planData(event, rule.categories, decide, receivedBefore);
    case 'fields':
      return planFields(event, decide);
    default:
      return { deliver: false };
  }
}

async function planData(event: EventEnvelope, categories: readonly PersonalDataCategory[], decide: DecideMany, receivedBefore: (customerId: string) => Promise<boolean>): Promise<PartnerRelayPlan> {
  if (!event.customerId) return { deliver: false };
  let decidedFor = [event.customerId];
  let disclosedAbout = decidedFor;
  if (event.type === 'customer.merged' || event.type === 'customer.unmerged') {
    const survivor = event.payload.survivorId;
    if (typeof survivor !== 'string' || !UUID.test(survivor)) return { deliver: false };
    if (event.type === 'customer.merged') {
      // Merged, the retired id is read as part of the survivor, whose consent is the most restrictive of the
      // two profiles' (the retired id's own grants are withdrawn): the survivor's decision covers both. The
      // event links the retired id to the survivor, so it goes only to a partner that already knows the
      // retired id (received something about it), and the ledger records the disclosure under both ids
      // (later deletion notices about either reach this partner).
      if (survivor === event.customerId || !(await receivedBefore(event.customerId))) return { deliver: false };
      decidedFor = [survivor];
      disclosedAbout = [event.customerId, survivor];
    } else {
      // Unmerged, each profile has its own consent again: both must allow it.
      decidedFor = disclosedAbout = [...new Set([event.customerId, survivor])];
    }
  }
  const requests = decidedFor.flatMap((customerId) => categories.map((category) => ({ customerId, category })));
  const decisions = await decide(requests);
  if (decisions.length !== requests.length || !decisions.every((d) => d.allowed)) return { deliver: false };
  const grants = grantsOf(decisions);
  const disclosures = disclosedAbout.map((customerId) => ({
    customerId,
    categories: [...categories],
    consentRecordIds: decidedFor.length === 1 ? grants : grantsOf(decisions.filter((d, i) => requests[i].customerId === customerId)),
  }));
  return { deliver: true, notice: false, event, disclosures };
}

/** customer.updated: IDENTITY (the profile exists and changed) plus the category of each changed field it keeps. */
async function planFields(event: EventEnvelope, decide: DecideMany): Promise<PartnerRelayPlan> {
  const customerId = event.customerId;
  if (!customerId) return { deliver: false };
  const named: unknown[] = Array.isArray(event.payload.fields) ? event.payload.fields : [];
  // A field without a known category: nobody can say what telling it would disclose.
  if (!named.every((f) => typeof f === 'string' && Object.hasOwn(CUSTOMER_FIELD_CATEGORY, f))) return { deliver: false };
  const fields = named as string[];
  const categories = [...new Set([PersonalDataCategory.IDENTITY, ...fields.map((f) => CUSTOMER_FIELD_CATEGORY[f])])];
  const decisions = await decide(categories.map((category) => ({ customerId, category })));
  const allowed = new Map(categories.map((category, i) => [category, decisions[i]?.allowed === true ? decisions[i] : null]));
  if (!allowed.get(PersonalDataCategory.IDENTITY)) return { deliver: false };
  const kept = fields.filter((f) => allowed.get(CUSTOMER_FIELD_CATEGORY[f]));
  // Every changed field withheld: even an empty list would tell that something it may not see changed.
  if (fields.length > 0 && kept.length === 0) return { deliver: false };
  const used = [...new Set([PersonalDataCategory.IDENTITY, ...kept.map((f) => CUSTOMER_FIELD_CATEGORY[f])])];
  const narrowed: EventEnvelope = { ...event, payload: { ...event.payload, fields: kept } };
  return {
    deliver: true,
    notice: false,
    event: narrowed,
    disclosures: [{ customerId, categories: used, consentRecordIds: grantsOf(used.map((c) => allowed.get(c)!)) }],
  };
}

const grantsOf = (decisions: ConsentDecision[]): string[] => [...new Set(decisions.flatMap((d) => (d.consentRecordId ? [d.consentRecordId] : [])))];
