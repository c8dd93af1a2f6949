import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { demoCustomerId } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';
import { ABSENT, HIDDEN_PROFILE, createHiddenCustomer, hiddenCustomerArguments, type HiddenCustomer } from './hidden-customer';
import { probeOperation, type ArgumentFiller, type ProbeOperation } from './probe-operations';

const DEMO = { seed: 12, customers: 6 };
const schemaFile = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'schema', name), 'utf8');

/** Arguments that name a personal identifier: a lookup taking one says whether some customer holds it. */
const IDENTIFIER_ARGUMENT = /^(system|externalId|externalIds|email|emails|phone|phones|phoneNumber|identifier|identifiers)$/i;
/** A type carrying match evidence (which identifier two profiles share) is an identifier lookup too. */
const EVIDENCE_FIELD = /evidence/i;

/** Root fields that look a customer up by an identifier, read from the schema: a new one is covered without listing it. */
export function identifierLookups(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  const carriesEvidence = (field: GraphQLField<unknown, unknown>) => {
    const type = getNamedType(field.type);
    return isObjectType(type) && Object.keys(type.getFields()).some((name) => EVIDENCE_FIELD.test(name));
  };
  return Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.some((a) => IDENTIFIER_ARGUMENT.test(a.name)) || carriesEvidence(field));
}

/** The hidden customer's identifiers, each with a twin nobody holds, for whatever identifier argument a lookup takes. */
function identifierArguments(hidden: HiddenCustomer): ArgumentFiller {
  const base = hiddenCustomerArguments(hidden);
  const owned = (value: string, absent: string) => ({ value, owned: { absent } });
  return (site) => {
    const name = site.arg.name.replace(/s$/, '').toLowerCase();
    const many = (choice: { value: string; owned: { absent: string } }) => (/s$/.test(site.arg.name) ? { value: [choice.value], owned: { absent: [choice.owned.absent] } } : choice);
    if (name === 'email') return many(owned(HIDDEN_PROFILE.email, 'zq.absent.q7@hidden-probe.example'));
    if (name === 'phone' || name === 'phonenumber') return many(owned(HIDDEN_PROFILE.phone, '+4520900001'));
    if (name === 'externalid' || name === 'identifier') return many(owned(HIDDEN_PROFILE.externalId, ABSENT.externalId));
    return base(site);
  };
}

interface Answer {
  status: number;
  text: string;
}

describe(`lookups by an identifier reveal nobody whose IDENTITY is not released to the caller, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let schema: GraphQLSchema;
  let hidden: HiddenCustomer;
  let lookups: ProbeOperation[];

  const post = async (op: ProbeOperation, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: op.query, variables }) });
    return { status: response.status, text: await response.text() };
  };
  /** Each lookup whose hidden and absent answers differ in any byte, with both answers. */
  const tellingApart = async (headers: Record<string, string>) => {
    const differences: string[] = [];
    for (const op of lookups) {
      const [real, missing] = [await post(op, op.variables, headers), await post(op, op.absentVariables!, headers)];
      if (real.status !== missing.status || real.text !== missing.text) differences.push(`${op.path}: ${real.status} ${real.text.slice(0, 160)} vs ${missing.status} ${missing.text.slice(0, 160)}`);
    }
    return differences;
  };

  beforeAll(async () => {
    schema = buildSchema(schemaFile('api.graphql'));
    platform = await startTestPlatform({ demo: DEMO });
    hidden = await createHiddenCustomer(platform, DEMO);
    const fill = identifierArguments(hidden);
    lookups = identifierLookups(schema).map((field, i) => probeOperation(schema, [{ typeName: 'Query', fieldName: field.name }], fill, i));
  }, 180_000);
  afterAll(() => platform?.close());

  it('finds the identifier lookups in the schema, each with a hidden and an absent identifier to compare', () => {
    expect(lookups.map((op) => op.path)).toEqual(expect.arrayContaining(['customerByExternalId', 'duplicateCandidates']));
    // A lookup this suite cannot fill with the hidden customer's identifier would go untested: fail instead.
    expect(lookups.filter((op) => op.absentVariables === null).map((op) => op.path)).toEqual([]);
  });

  it('tells the hidden customer apart for staff whose purpose releases IDENTITY (the comparison can fail)', async () => {
    const differences = await tellingApart(platform.internal);
    expect(differences.map((d) => d.split(':')[0]).sort()).toEqual(lookups.map((op) => op.path).sort());
  });

  const refused: [string, CallerKind, Record<string, string>][] = [
    // The hidden customer refused MARKETING, whose categories include IDENTITY: staff see rows by scope, but no lookup by identifier.
    ['staff with MARKETING purpose (refused)', CallerKind.INTERNAL_APP, { client_id: 'campaign-studio', purpose: 'MARKETING' }],
    ['staff with MARKETING purpose and the merge scopes', CallerKind.INTERNAL_APP, { client_id: 'campaign-desk', purpose: 'MARKETING', scope: 'customers:read customers.pii:read customers:write customers:merge' }],
    ['partner not granted', CallerKind.PARTNER, { partner_id: 'partner-nordic-travel', scope: 'customers:read customers.pii:read' }],
    ['another customer (self-service)', CallerKind.CUSTOMER, { customer_id: demoCustomerId(DEMO, 0) }],
    ['BI', CallerKind.BI, {}],
  ];

  it.each(refused)('%s: every identifier lookup answers the hidden customer byte for byte as an identifier nobody holds', async (_name, kind, claims) => {
    expect(await tellingApart(await platform.tokens.headers(kind, claims))).toEqual([]);
  });
});
