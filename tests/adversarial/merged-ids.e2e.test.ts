import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isListType, getNullableType, type GraphQLSchema } from 'graphql';
import { demoCustomerId, demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';
import { ABSENT } from './hidden-customer';
import { mutationProbes, type InputFiller } from './mutation-probes';
import { probeOperation, type ArgumentFiller } from './probe-operations';

/**
 * A retired id (merged into a survivor) and the survivor itself, probed through every root query field and
 * every mutation that takes a customer (or merge) reference, read from the schema: a caller the merge does not
 * redirect (partners, self-service, BI) must get, byte for byte, the answer for an id nobody holds. Otherwise
 * the answer says that the id was merged, or that the two ids are one person.
 */
const DEMO = { seed: 21, customers: 6 };
const SYSTEM = 'adv-merge';
const KNOWING_PARTNER = 'partner-nordic-travel'; // the retired profile shared with it before the merge
const MERGE_SCOPES = 'customers:read customers.pii:read customers:write customers:merge orders:read offers:read consent:read consent:write';
const ABSENT_MERGE = 'a0a0a0a0-0000-4000-8000-00000000a0a9';
const schemaFile = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'schema', name), 'utf8');

interface Subject {
  label: string;
  customerId: string;
  externalId: string;
  orderId: string;
  mergeId: string;
}
interface Probe {
  path: string;
  query: string;
  variables: Record<string, unknown>;
  absentVariables: Record<string, unknown> | null;
}

describe(`a merged id answers every non-redirected caller as an id nobody holds, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let schema: GraphQLSchema;
  let retired: Subject;
  let survivor: Subject;
  let catalogue: { offerId: string; sku: string; currency: string };

  const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, text: await response.text() };
  };
  const ok = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = platform.internal) => {
    const r = await gql(query, variables, headers);
    const body = JSON.parse(r.text) as { data?: Record<string, { id?: string }>; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`setup failed: ${r.text.slice(0, 300)}`);
    return body.data;
  };

  /** What each reference argument gets for a subject: its own id, with an absent twin. */
  const queryFiller = (subject: Subject): ArgumentFiller => {
    const owned = (value: string, absent: string) => ({ value, owned: { absent } });
    return ({ field, arg, enclosingLists }) => {
      const returns = getNamedType(field.type).name;
      switch (arg.name) {
        case 'customerId':
          return owned(subject.customerId, ABSENT.customerId);
        case 'customerIds':
          return { value: [subject.customerId], owned: { absent: [ABSENT.customerId] } };
        case 'orderId':
          return owned(subject.orderId, ABSENT.orderId);
        case 'mergeId':
          return owned(subject.mergeId, ABSENT_MERGE);
        case 'system':
          return { value: SYSTEM };
        case 'offerId':
          return { value: catalogue.offerId };
        case 'sku':
          return { value: catalogue.sku };
        case 'first':
          return { value: [20, 2][enclosingLists] ?? 1 };
        case 'id':
          if (field.args.some((a) => a.name === 'system')) return owned(subject.externalId, ABSENT.externalId);
          if (returns === 'CustomerMerge') return owned(subject.mergeId, ABSENT_MERGE);
          if (returns === 'Order') return owned(subject.orderId, ABSENT.orderId);
          if (returns === 'Customer') return owned(subject.customerId, ABSENT.customerId);
          return undefined;
        default:
          return undefined;
      }
    };
  };
  const mutationFiller = (subject: Subject): InputFiller => {
    const owned = (value: string, absent: string) => ({ value, owned: { absent } });
    return (name, type, field) => {
      const many = isListType(getNullableType(type));
      switch (name) {
        case 'customerId':
        case 'mergedId':
        case 'survivorId':
          return owned(subject.customerId, ABSENT.customerId);
        case 'customerIds':
          return { value: [subject.customerId], owned: { absent: [ABSENT.customerId] } };
        case 'mergeId':
          return owned(subject.mergeId, ABSENT_MERGE);
        case 'orderId':
          return owned(subject.orderId, ABSENT.orderId);
        case 'id':
          if (getNamedType(field.type).name === 'Customer') return owned(subject.customerId, ABSENT.customerId);
          if (getNamedType(field.type).name === 'Order') return owned(subject.orderId, ABSENT.orderId);
          return undefined;
        case 'purposeCode':
          return { value: 'PARTNER_SHARING' };
        case 'partnerId':
          return { value: KNOWING_PARTNER };
        case 'offerId':
          return { value: catalogue.offerId };
        case 'sku':
          return { value: catalogue.sku };
        case 'currency':
          return { value: catalogue.currency };
        case 'quantity':
          return { value: 1 };
        case 'eventId':
          return many ? undefined : { value: 'adv-merge-probe-event' };
        default:
          return undefined;
      }
    };
  };
  const probesFor = (subject: Subject): Probe[] => {
    const fill = queryFiller(subject);
    const queries = Object.values(schema.getQueryType()!.getFields()).map((field, i) => probeOperation(schema, [{ typeName: 'Query', fieldName: field.name }], fill, i));
    return [...queries.filter((op) => op.absentVariables !== null), ...mutationProbes(schema, mutationFiller(subject))];
  };
  /** Replaces the values sent by their variable paths, so that two answers compare on what the server added. */
  const normalised = (text: string, variables: Record<string, unknown>) => {
    let out = text;
    const strings = JSON.stringify(variables).match(/"[^"]*"/g)?.map((s) => s.slice(1, -1)) ?? [];
    for (const value of strings.sort((a, b) => b.length - a.length)) if (value.length > 3) out = out.split(value).join('<sent>');
    return out;
  };
  const differences = async (subject: Subject, headers: Record<string, string>) => {
    const found: string[] = [];
    for (const op of probesFor(subject)) {
      const real = await gql(op.query, op.variables, headers);
      const missing = await gql(op.query, op.absentVariables!, headers);
      const [a, b] = [normalised(real.text, op.variables), normalised(missing.text, op.absentVariables!)];
      if (real.status !== missing.status || a !== b) found.push(`${op.path} (${subject.label}): ${real.status} ${a.slice(0, 220)} vs ${missing.status} ${b.slice(0, 220)}`);
    }
    return found;
  };

  beforeAll(async () => {
    schema = buildSchema(schemaFile('api.graphql'));
    platform = await startTestPlatform({ demo: DEMO });
    const product = demoProducts(DEMO).find((p) => p.stockLevel > 10)!;
    const offers = await ok('{ offers(first: 1, status: ACTIVE) { edges { node { id } } } }', {});
    catalogue = { offerId: (offers.offers as unknown as { edges: { node: { id: string } }[] }).edges[0].node.id, sku: product.sku, currency: product.currency };
    const make = async (tag: string) => {
      const id = (await ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { givenName: 'Ysolde', familyName: `Merge${tag}`, email: `ysolde.${tag}@merge-probe.example`, acquisitionChannel: 'WEB', externalIds: [{ system: SYSTEM, id: `YM-${tag}` }] } })).createCustomer.id!;
      const orderId = (await ok('mutation($input: RecordOrderInput!) { recordOrder(input: $input) { id } }', { input: { customerId: id, sourceSystem: 'adv', externalId: `ym-${tag}`, channel: 'WEB', currency: product.currency, lines: [{ sku: product.sku, quantity: 1 }] } })).recordOrder.id!;
      return { id, orderId, externalId: `YM-${tag}` };
    };
    const [s, r] = [await make('survivor'), await make('retired')];
    // The retired profile shared with one partner, which read it: that partner knew the retired id before the merge.
    await ok('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { eventId } }', { input: { customerId: r.id, purposeCode: 'PARTNER_SHARING', partnerId: KNOWING_PARTNER, channel: 'WEB' } });
    await ok('query($id: ID!) { customer(id: $id) { id displayName } }', { id: r.id }, await platform.tokens.headers(CallerKind.PARTNER, { partner_id: KNOWING_PARTNER }));
    const staff = await platform.tokens.headers(CallerKind.INTERNAL_APP, { client_id: 'merge-desk', scope: MERGE_SCOPES });
    const merge = (await ok('mutation($m: ID!, $s: ID!) { mergeCustomers(mergedId: $m, survivorId: $s) { id state } }', { m: r.id, s: s.id }, staff)).mergeCustomers as { id: string; state: string };
    expect(merge.state).toBe('MERGED');
    retired = { label: 'retired id', customerId: r.id, externalId: r.externalId, orderId: r.orderId, mergeId: merge.id };
    survivor = { label: 'survivor', customerId: s.id, externalId: s.externalId, orderId: s.orderId, mergeId: merge.id };
  }, 180_000);
  afterAll(() => platform?.close());

  it('probes every root field and mutation taking a customer or merge reference (the probe list is read from the schema)', () => {
    const paths = probesFor(retired).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['customer', 'customerByExternalId', 'customerMerge', 'recordOrder', 'grantConsent', 'recordOfferResponse', 'mergeCustomers', 'unmergeCustomers', 'requestErasure']));
  });

  it('tells the retired id apart for staff, who are redirected to the survivor (the comparison can fail)', async () => {
    const found = await differences(retired, platform.internal);
    expect(found.map((f) => f.split(' ')[0])).toEqual(expect.arrayContaining(['customer', 'customerByExternalId']));
  }, 300_000);

  const callers: [string, CallerKind, () => Record<string, string>][] = [
    ['the partner that knew the retired id', CallerKind.PARTNER, () => ({ partner_id: KNOWING_PARTNER, scope: 'customers:read customers.pii:read orders:read offers:read consent:read' })],
    ['another partner', CallerKind.PARTNER, () => ({ partner_id: 'partner-city-bank', scope: 'customers:read customers.pii:read orders:read offers:read consent:read' })],
    ['another customer (self-service)', CallerKind.CUSTOMER, () => ({ customer_id: demoCustomerId(DEMO, 0) })],
    ['BI', CallerKind.BI, () => ({})],
  ];

  it.each(callers)('%s: the retired id and the survivor each answer like an id nobody holds, on every probe', async (_name, kind, claims) => {
    const headers = await platform.tokens.headers(kind, claims());
    const found = [...(await differences(retired, headers)), ...(await differences(survivor, headers))];
    expect(found).toEqual([]);
  }, 300_000);

  /**
   * The retired id's own token may learn that its profile was merged (a data-subject request says SUBJECT_MERGED, as
   * documented), never into whom: the survivor answers it like an id nobody holds, and no probe naming its own id
   * answers anything of the survivor's.
   */
  it("the retired id's own customer token: the survivor answers like an id nobody holds, and nothing of the survivor comes back for its own id", async () => {
    const headers = await platform.tokens.headers(CallerKind.CUSTOMER, { customer_id: retired.customerId });
    expect(await differences(survivor, headers)).toEqual([]);
    const survivorValues = [survivor.customerId, survivor.orderId, survivor.externalId, 'Mergesurvivor', 'ysolde.survivor@merge-probe.example'];
    const leaks: string[] = [];
    for (const op of probesFor(retired)) {
      const answer = await gql(op.query, op.variables, headers);
      for (const value of survivorValues) if (answer.text.toLowerCase().includes(value.toLowerCase())) leaks.push(`${op.path}: ${value} in ${answer.text.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
  }, 300_000);
});
