import { parse } from 'graphql';
import { CallerKind, demoCustomerId, demoProducts, type DemoOptions } from '@c360/shared';
import { postGraphQL } from '../support/graphql-client';
import type { TestPlatform } from '../support/test-platform';
import { refreshValuesAndWait } from '../support/value-refresh';
import type { ArgumentFiller } from './probe-operations';

/** What a leaked value tells: the hidden customer's identifiers, or a personal-data category. */
export type ValueClass = 'ID' | 'IDENTITY' | 'CONTACT' | 'LOCATION' | 'DEMOGRAPHIC' | 'FINANCIAL' | 'BEHAVIOURAL';

export interface KnownValue {
  name: string;
  valueClass: ValueClass;
  value: string;
}

export const HIDDEN_PARTNER = 'partner-green-energy'; // the one partner the hidden customer shares with: no attacker
const PROBE_SYSTEM = 'probe-crm';
const LIVE = { validFrom: '2024-09-01T00:00:00.000Z', validUntil: '2099-12-31T00:00:00.000Z' };

/** The hidden customer's profile: every value distinctive enough that finding it in a response means it leaked. */
export const HIDDEN_PROFILE = {
  givenName: 'Quillon',
  familyName: 'Vexmoor',
  displayName: 'Quillon Vexmoor',
  email: 'quillon.vexmoor.q7@hidden-probe.example',
  phone: '+4520917354',
  birthDate: '1961-07-23',
  address: { line1: '17 Zephyrwood Close', postalCode: 'QZ-9417', city: 'Ulvenhollow', region: 'Zarnholt', countryCode: 'LI' },
  externalId: 'QV-HIDDEN-7731',
  orderAmounts: [7319.43, 2718.29],
  totalSpend: '10037.72',
  responseRevenue: 987.65,
  interactionType: 'QV_HIDDEN_SURVEY',
  interactionAnswer: 'qv-hidden-answer-55',
} as const;

/** Values that look like the hidden customer's but belong to nobody: the "truly missing" side of every comparison. */
export const ABSENT = {
  customerId: 'a0a0a0a0-0000-4000-8000-00000000a0a0',
  orderId: 'a0a0a0a0-0000-4000-8000-00000000a0a1',
  eventId: 'a0a0a0a0-0000-4000-8000-00000000a0a2',
  requestId: 'a0a0a0a0-0000-4000-8000-00000000a0a3',
  externalId: 'QV-ABSENT-0000',
} as const;

export interface HiddenCustomer {
  customerId: string;
  orderIds: string[];
  responseIds: string[];
  consentEventIds: string[];
  requestId: string;
  offerId: string;
  campaignId: string;
  segmentId: string;
  sku: string;
  known: KnownValue[];
}

type Headers = Record<string, string>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- probes read answers of arbitrary shape
async function run<T = Record<string, any>>(platform: TestPlatform, query: string, variables: Record<string, unknown>, headers: Headers): Promise<T> {
  const response = await postGraphQL<T, Record<string, unknown>>(platform.gatewayUrl, parse(query), variables, headers);
  if (response.errors?.length || !response.data) throw new Error(`setting up the hidden customer failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/**
 * Creates the hidden customer with known values everywhere the graph holds something about a customer: profile,
 * external id, two orders, an interaction, two offer responses (one REDEEMED), consent events (sharing with one
 * partner only, MARKETING refused, PROFILING granted), a disclosure, an access request and a one-member segment.
 */
export async function createHiddenCustomer(platform: TestPlatform, demo: DemoOptions): Promise<HiddenCustomer> {
  const staff = platform.internal;
  const admin = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read customers.pii:read consent:read privacy:admin' });
  const p = HIDDEN_PROFILE;
  const customerId: string = (
    await run(platform, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
      input: { givenName: p.givenName, familyName: p.familyName, displayName: p.displayName, email: p.email, phone: p.phone, birthDate: p.birthDate, address: p.address, acquisitionChannel: 'WEB', externalIds: [{ system: PROBE_SYSTEM, id: p.externalId }] },
    }, staff)
  ).createCustomer.id;

  const consent = async (mutation: string, purposeCode: string, partnerId?: string) =>
    (await run(platform, `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { eventId } }`, { input: { customerId, purposeCode, partnerId, channel: 'WEB' } }, staff))[mutation].eventId as string;
  const consentEventIds = [await consent('grantConsent', 'PARTNER_SHARING', HIDDEN_PARTNER), await consent('recordConsentDenial', 'MARKETING'), await consent('grantConsent', 'PROFILING')];

  const product = demoProducts(demo).find((candidate) => candidate.stockLevel > 10 && candidate.currency === 'EUR') ?? demoProducts(demo).find((candidate) => candidate.stockLevel > 10)!;
  const orderIds: string[] = [];
  for (const [i, unitPrice] of p.orderAmounts.entries()) {
    const input = { customerId, sourceSystem: 'probe-erp', externalId: `qv-hidden-order-${i + 1}`, channel: 'MARKETPLACE', currency: product.currency, lines: [{ sku: product.sku, quantity: 1, unitPrice }] };
    orderIds.push((await run(platform, 'mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id } }', { input }, staff)).recordOrder.id);
  }
  const interactionId: string = (
    await run(platform, 'mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }', { input: { customerId, channel: 'WEB', kind: 'ACTIVE', type: p.interactionType, attributes: { answer: p.interactionAnswer } } }, staff)
  ).recordInteraction.id;

  const campaignId: string = (await run(platform, 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', { input: { name: 'Adversarial probe campaign', startsAt: '2024-09-01T00:00:00Z', status: 'ACTIVE' } }, staff)).createCampaign.id;
  const offerInput = { campaignId, name: 'Adversarial probe offer', headline: 'Probe', benefitType: 'PERCENT_DISCOUNT', benefitValue: 10, channel: 'EMAIL', personalisationType: 'COSMETIC', status: 'ACTIVE', priority: 1, skus: [product.sku], ...LIVE };
  const offerId: string = (await run(platform, 'mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }', { input: offerInput }, staff)).createOffer.id;
  const responses = [
    { eventId: 'qv-hidden-event-shown', offerId, customerId, type: 'SHOWN', channel: 'EMAIL' },
    { eventId: 'qv-hidden-event-redeemed', offerId, customerId, type: 'REDEEMED', channel: 'STORE', orderId: orderIds[0], revenue: p.responseRevenue },
  ];
  const responseIds: string[] = (await run(platform, 'mutation($inputs: [RecordOfferResponseInput!]!) { recordOfferResponses(inputs: $inputs) { id } }', { inputs: responses }, staff)).recordOfferResponses.map((r: { id: string }) => r.id);

  const segmentId: string = (
    await run(platform, 'mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }', { input: { name: 'Adversarial probe segment', rule: { condition: { field: 'COUNTRY', operator: 'EQ', values: [p.address.countryCode] } } } }, staff)
  ).createSegment.id;
  // A whole-base value refresh is an admin job (privacy:admin).
  await refreshValuesAndWait(platform.gatewayUrl, await platform.tokens.headers(CallerKind.INTERNAL_APP, { scope: 'orders:write privacy:admin' }));

  // The partner it shares with reads the profile once, so the disclosure ledger holds a release of it.
  const trusted = await platform.tokens.headers(CallerKind.PARTNER, { partner_id: HIDDEN_PARTNER });
  await run(platform, 'query($id: ID!) { customer(id: $id) { id email } }', { id: customerId }, trusted);
  const requestId: string = (await run(platform, 'mutation($id: ID!) { requestDataAccess(customerId: $id) { id } }', { id: customerId }, admin)).requestDataAccess.id;
  const ledger = await run(platform, 'query($id: ID!) { customer(id: $id) { consentHistory(first: 50) { edges { node { id hash } } } disclosures(first: 50) { edges { node { id } } } } }', { id: customerId }, admin);
  const hashes: string[] = ledger.customer.consentHistory.edges.map((e: { node: { hash: string } }) => e.node.hash);
  const disclosureIds: string[] = ledger.customer.disclosures.edges.map((e: { node: { id: string } }) => e.node.id);

  const ids = (name: string, values: string[]): KnownValue[] => values.map((value, i) => ({ name: `${name}[${i}]`, valueClass: 'ID', value }));
  const known: KnownValue[] = [
    { name: 'customer id', valueClass: 'ID', value: customerId },
    ...ids('order id', orderIds),
    ...ids('order external id', ['qv-hidden-order-1', 'qv-hidden-order-2']),
    ...ids('offer response id', responseIds),
    ...ids('offer response eventId', ['qv-hidden-event-shown', 'qv-hidden-event-redeemed']),
    ...ids('consent event id', consentEventIds),
    ...ids('consent event hash', hashes),
    ...ids('disclosure id', disclosureIds),
    { name: 'interaction id', valueClass: 'ID', value: interactionId },
    { name: 'access request id', valueClass: 'ID', value: requestId },
    { name: 'givenName', valueClass: 'IDENTITY', value: p.givenName },
    { name: 'familyName', valueClass: 'IDENTITY', value: p.familyName },
    { name: 'external id', valueClass: 'IDENTITY', value: p.externalId },
    { name: 'email', valueClass: 'CONTACT', value: p.email },
    { name: 'phone', valueClass: 'CONTACT', value: p.phone },
    { name: 'address line1', valueClass: 'LOCATION', value: p.address.line1 },
    { name: 'postal code', valueClass: 'LOCATION', value: p.address.postalCode },
    { name: 'city', valueClass: 'LOCATION', value: p.address.city },
    { name: 'region', valueClass: 'LOCATION', value: p.address.region },
    { name: 'birth date', valueClass: 'DEMOGRAPHIC', value: p.birthDate },
    ...p.orderAmounts.map((amount, i): KnownValue => ({ name: `order total[${i}]`, valueClass: 'FINANCIAL', value: amount.toFixed(2) })),
    { name: 'total spend', valueClass: 'FINANCIAL', value: p.totalSpend },
    { name: 'response revenue', valueClass: 'FINANCIAL', value: p.responseRevenue.toFixed(2) },
    { name: 'interaction type', valueClass: 'BEHAVIOURAL', value: p.interactionType },
    { name: 'interaction answer', valueClass: 'BEHAVIOURAL', value: p.interactionAnswer },
  ];
  return { customerId, orderIds, responseIds, consentEventIds, requestId, offerId, campaignId, segmentId, sku: product.sku, known };
}

/** An attacker: `rows` callers may see that the customer exists (staff by scope), `nothing` callers may not. */
export interface AttackingCaller {
  name: string;
  kind: CallerKind;
  claims: Record<string, string>;
  mayKnow: 'nothing' | 'rows';
}

const STAFF_SCOPES_WITHOUT_PII = 'customers:read customers:write orders:read offers:read consent:read';

/** The callers the hidden customer granted nothing to (tokens are made per platform with `callerHeaders`). */
export const attackingCallers = (demo: DemoOptions): AttackingCaller[] => [
  { name: 'partner not granted (others granted it)', kind: CallerKind.PARTNER, claims: { partner_id: 'partner-nordic-travel' }, mayKnow: 'nothing' },
  { name: 'another partner', kind: CallerKind.PARTNER, claims: { partner_id: 'partner-city-bank', scope: 'customers:read customers.pii:read orders:read offers:read' }, mayKnow: 'nothing' },
  { name: 'another customer (self-service)', kind: CallerKind.CUSTOMER, claims: { customer_id: demoCustomerId(demo, 0) }, mayKnow: 'nothing' },
  { name: 'BI', kind: CallerKind.BI, claims: {}, mayKnow: 'nothing' },
  { name: 'staff without customers.pii:read', kind: CallerKind.INTERNAL_APP, claims: { client_id: 'support-desk', scope: STAFF_SCOPES_WITHOUT_PII }, mayKnow: 'rows' },
  { name: 'ERP integration', kind: CallerKind.ERP_INTEGRATION, claims: {}, mayKnow: 'rows' },
  { name: 'staff with MARKETING purpose (refused)', kind: CallerKind.INTERNAL_APP, claims: { client_id: 'campaign-studio', purpose: 'MARKETING' }, mayKnow: 'rows' },
];

export const callerHeaders = (platform: TestPlatform, caller: AttackingCaller) => platform.tokens.headers(caller.kind, caller.claims);

/** The values a caller must never receive: everything for `nothing` callers, every personal value for `rows` callers. */
export const forbiddenFor = (caller: Pick<AttackingCaller, 'mayKnow'>, hidden: HiddenCustomer) => hidden.known.filter((k) => caller.mayKnow === 'nothing' || k.valueClass !== 'ID');

/**
 * Fills arguments from their names: references to the customer's records get the hidden customer's ids (with an
 * absent twin), catalogue ids get the probe campaign/offer/segment, pages are large at the top and small below.
 */
export function hiddenCustomerArguments(hidden: HiddenCustomer): ArgumentFiller {
  const owned = (value: string, absent: string) => ({ value, owned: { absent } });
  const byReturnType: Record<string, () => ReturnType<ArgumentFiller>> = {
    Customer: () => owned(hidden.customerId, ABSENT.customerId),
    Order: () => owned(hidden.orderIds[0], ABSENT.orderId),
    DataSubjectRequest: () => owned(hidden.requestId, ABSENT.requestId),
    Offer: () => ({ value: hidden.offerId }),
    Campaign: () => ({ value: hidden.campaignId }),
    Segment: () => ({ value: hidden.segmentId }),
    Partner: () => ({ value: HIDDEN_PARTNER }),
  };
  return ({ field, arg, enclosingLists }) => {
    const returns = field.type.toString().replace(/[[\]!]/g, '');
    switch (arg.name) {
      case 'customerId':
        return owned(hidden.customerId, ABSENT.customerId);
      case 'eventId':
        return owned(hidden.consentEventIds[0], ABSENT.eventId);
      case 'orderId':
        return owned(hidden.orderIds[0], ABSENT.orderId);
      case 'campaignId':
        return { value: hidden.campaignId };
      case 'system':
        return { value: PROBE_SYSTEM };
      case 'sku':
        return { value: hidden.sku };
      case 'code':
      case 'purposeCode':
        return { value: 'MARKETING' };
      case 'first':
        return { value: [20, 2][enclosingLists] ?? 1 };
      case 'id':
        if (field.args.some((a) => a.name === 'system')) return owned(HIDDEN_PROFILE.externalId, ABSENT.externalId);
        return (byReturnType[returns] ?? byReturnType.Customer)();
      default:
        return undefined;
    }
  };
}
