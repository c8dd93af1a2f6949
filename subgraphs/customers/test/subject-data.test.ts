import { randomUUID } from 'node:crypto';
import { internalCaller, startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { condition, CREATE_SEGMENT, UPDATE_SEGMENT, type SegmentResult } from './segment-fixtures';

const CREATE = `mutation Create($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const INTERACT = `mutation I($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`;
const ADD_IDS = `mutation U($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }`;
const EXPORT = `query E($customerId: ID!) { subjectDataExport(customerId: $customerId) { subgraph data } }`;
const ERASE = `mutation X($customerId: ID!, $requestId: ID!) { eraseSubjectData(customerId: $customerId, requestId: $requestId) { subgraph counts { table action rows } } }`;

const privacyService = internalCaller({ clientId: 'consent:subject-requests', scopes: ['privacy:admin'] });
type Vars = Record<string, unknown>;
type Counts = { table: string; action: string; rows: number }[];
const rowsOf = (counts: Counts) => Object.fromEntries(counts.map((c) => [c.table, c.rows]));

describe(`customers privacy contract on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  const run = <T>(query: string, variables: Vars, caller = internalCaller()) => harness.execute<T, Vars>(query, variables, caller);

  async function customer(externalId: string, extra: Vars = {}): Promise<string> {
    const r = await run<{ createCustomer: { id: string } }>(CREATE, { input: { givenName: 'Ines', familyName: 'Ostrander', email: `ines.${externalId.toLowerCase()}@example.org`, phone: '+4911122233', acquisitionChannel: 'WEB', externalIds: [{ system: 'erp', id: externalId }, { system: 'web', id: `w-${externalId}` }], ...extra } });
    expect(r.errors).toBeUndefined();
    const id = r.data!.createCustomer.id;
    await run(INTERACT, { input: { customerId: id, channel: 'WEB', kind: 'PASSIVE', type: 'PAGE_VIEW' } });
    return id;
  }

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
  });
  afterAll(() => harness.close());

  it('exports the profile, every external identity and the interactions', async () => {
    const id = await customer('E-1');
    const r = await run<{ subjectDataExport: { subgraph: string; data: Record<string, any> } }>(EXPORT, { customerId: id }, privacyService); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(r.errors).toBeUndefined();
    const { subgraph, data } = r.data!.subjectDataExport;
    expect(subgraph).toBe('customers');
    expect(data.profile).toMatchObject({ id, familyName: 'Ostrander', email: 'ines.e-1@example.org', phone: '+4911122233' });
    expect(data.externalIds).toEqual([{ system: 'erp', id: 'E-1' }, { system: 'web', id: 'w-E-1' }]);
    expect(data.interactions).toMatchObject([{ type: 'PAGE_VIEW' }]);
  });

  it('refuses callers without privacy:admin', async () => {
    const id = await customer('E-2');
    const exported = await run(EXPORT, { customerId: id });
    const erased = await run(ERASE, { customerId: id, requestId: randomUUID() });
    expect([exported.errors?.[0].extensions?.code, erased.errors?.[0].extensions?.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('deletes profile, identities and interactions, tombstones each identity, and a second run changes nothing', async () => {
    const id = await customer('E-3');
    const first = await run<{ eraseSubjectData: { counts: Counts } }>(ERASE, { customerId: id, requestId: randomUUID() }, privacyService);
    expect(first.errors).toBeUndefined();
    expect(rowsOf(first.data!.eraseSubjectData.counts)).toEqual({ 'customers.customer': 1, 'customers.external_identity': 2, 'customers.interaction': 1, 'customers.segment_member': 0, 'customers.erased_identity': 2, 'customers.erased_customer': 1 });
    const again = await run<{ eraseSubjectData: { counts: Counts } }>(ERASE, { customerId: id, requestId: randomUUID() }, privacyService);
    expect(rowsOf(again.data!.eraseSubjectData.counts)).toEqual({ 'customers.customer': 0, 'customers.external_identity': 0, 'customers.interaction': 0, 'customers.segment_member': 0, 'customers.erased_identity': 0, 'customers.erased_customer': 0 });
    const exported = await run<{ subjectDataExport: { data: Vars } }>(EXPORT, { customerId: id }, privacyService);
    expect(exported.data!.subjectDataExport.data).toEqual({ profile: null, externalIds: [], interactions: [], segments: [] });
    const [tombstone]: { identity_hash: string }[] = await harness.dataSource.query(`SELECT identity_hash FROM customers.erased_identity LIMIT 1`);
    expect(tombstone.identity_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("exports the segments the customer is in (current versions only) and counts the memberships erased with the profile", async () => {
    const id = await customer('E-6', { address: { countryCode: 'KI' } });
    const segment = async (name: string) => {
      const r = await run<{ createSegment: SegmentResult }>(CREATE_SEGMENT, { input: { name, rule: condition('COUNTRY', 'EQ', ['KI']) } });
      expect(r.errors).toBeUndefined();
      return r.data!.createSegment;
    };
    const kiribati = await segment('Subject data Kiribati');
    const islanders = await segment('Subject data islanders');
    const renamed = await run<{ updateSegment: SegmentResult }>(UPDATE_SEGMENT, { id: islanders.id, input: { name: 'Subject data I-Kiribati' } });
    expect(renamed.data!.updateSegment.version).toBe(2);
    const exportOf = async () => (await run<{ subjectDataExport: { data: Record<string, unknown> } }>(EXPORT, { customerId: id }, privacyService)).data!.subjectDataExport.data;
    expect((await exportOf()).segments).toEqual([
      { segmentId: islanders.id, name: 'Subject data I-Kiribati', version: 2 },
      { segmentId: kiribati.id, name: 'Subject data Kiribati', version: 1 },
    ]);

    const erased = await run<{ eraseSubjectData: { counts: Counts } }>(ERASE, { customerId: id, requestId: randomUUID() }, privacyService);
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.eraseSubjectData.counts).toContainEqual({ table: 'customers.segment_member', action: 'DELETED', rows: 2 });
    expect(rowsOf(erased.data!.eraseSubjectData.counts)['customers.customer']).toBe(1);
    const [left]: { n: number }[] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM customers.segment_member WHERE customer_id = $1`, [id]);
    expect(left.n).toBe(0);
    expect((await exportOf()).segments).toEqual([]);
  });

  it('refuses to create or extend a customer with an external id of an erased customer', async () => {
    const id = await customer('E-4');
    await run(ERASE, { customerId: id, requestId: randomUUID() }, privacyService);
    const created = await run(CREATE, { input: { givenName: 'Ines', acquisitionChannel: 'WEB', externalIds: [{ system: 'web', id: 'w-E-4' }] } });
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED', reason: 'SUBJECT_ERASED', argument: 'externalIds', positions: [0] });
    expect(JSON.stringify(created.errors)).not.toContain('w-E-4');
    const other = await customer('E-5');
    const extended = await run(ADD_IDS, { id: other, input: { addExternalIds: [{ system: 'erp', id: 'E-4' }] } });
    expect(extended.errors?.[0].extensions).toMatchObject({ code: 'SUBJECT_ERASED', reason: 'SUBJECT_ERASED' });
    const sameIdElsewhere = await run(CREATE, { input: { givenName: 'Someone', acquisitionChannel: 'WEB', externalIds: [{ system: 'other-system', id: 'E-4' }] } });
    expect(sameIdElsewhere.errors).toBeUndefined();
  });
});
