import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { storageLabel } from '@c360/shared/testing';
import { CreateSegmentDocument, SegmentMembersDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const CUSTOMER = parse(
  `query ByExternalId($system: String!, $id: String!) { customerByExternalId(system: $system, id: $id) { id displayName email phone interactions(first: 5) { totalCount edges { node { channel kind type } } } } }`,
);
const JOB = parse(`query Job($id: ID!) { customerImportJob(id: $id) { state counts { read inserted rejected } badRows(first: 5) { lineNo field reason } } }`);

type Imported = { customerByExternalId: { id: string; displayName: string; email: string; phone: string; interactions: { totalCount: number; edges: { node: Record<string, string> }[] } } | null };

/** Issue 11 §2: customers and their interactions imported through the gateway, then read by staff. */
describe(`customer and interaction import through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let base: string;
  let erp: Record<string, string>;

  const postImport = (kind: string, body: string, headers: Record<string, string>, search = '') =>
    fetch(`${base}/import/${kind}${search}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...headers }, body });
  const jobOf = async (response: Response) => {
    expect(response.status).toBe(200);
    return ((await response.json()) as { job: { id: string; counts: Record<string, number> } }).job;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 37, customers: 2 } });
    base = new URL(platform.gatewayUrl).origin;
    erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION);
  });
  afterAll(() => platform.close());

  it('imports a customer for an ERP token, readable by staff, then its interactions; a replay changes nothing', async () => {
    const externalId = `E2E-${randomUUID()}`;
    const email = `Gate.${externalId}@Example.com`;
    const customers = `${JSON.stringify({ externalId, acquisitionChannel: 'STORE', givenName: 'Gita', familyName: 'Gateway', email, phone: '020 7946 0123' })}\n{"broken\n`;
    const job = await jobOf(await postImport('customers', customers, erp, '?sourceSystem=erp-e2e'));
    expect(job.counts).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });

    const polled = await postGraphQL<{ customerImportJob: unknown }, { id: string }>(platform.gatewayUrl, JOB, { id: job.id }, erp);
    expect(polled.errors).toBeUndefined();
    expect(polled.data!.customerImportJob).toEqual({ state: 'DONE', counts: { read: 2, inserted: 1, rejected: 1 }, badRows: [{ lineNo: 2, field: '(line)', reason: 'not valid JSON' }] });
    const otherErp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { client_id: 'erp-someone-else' });
    const foreign = await postGraphQL(platform.gatewayUrl, JOB, { id: job.id }, otherErp);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const read = await postGraphQL<Imported, { system: string; id: string }>(platform.gatewayUrl, CUSTOMER, { system: 'erp-e2e', id: externalId }, platform.internal);
    expect(read.errors).toBeUndefined();
    const customer = read.data!.customerByExternalId!;
    expect(customer).toMatchObject({ displayName: 'Gita Gateway', email: email.toLowerCase(), phone: '+442079460123', interactions: { totalCount: 0 } });

    const interactions = [
      { externalId: `${externalId}-1`, customerId: customer.id, channel: 'STORE', kind: 'ACTIVE', type: 'FEEDBACK', occurredAt: '2026-02-01T12:00:00Z', attributes: { stars: 5 } },
      { externalId: `${externalId}-2`, customerId: randomUUID(), channel: 'WEB', kind: 'PASSIVE', type: 'PAGE_VIEW', occurredAt: '2026-02-01T12:00:00Z' },
    ];
    const body = interactions.map((i) => JSON.stringify(i)).join('\n') + '\n';
    const recorded = await jobOf(await postImport('interactions', body, erp, '?sourceSystem=erp-e2e'));
    expect(recorded.counts).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    const report = await fetch(`${base}/import/interactions/jobs/${recorded.id}/bad-rows`, { headers: erp });
    expect(await report.text()).toBe(`${JSON.stringify({ lineNo: 2, field: 'customerId', reason: 'unknown customer' })}\n`);

    const after = await postGraphQL<Imported, { system: string; id: string }>(platform.gatewayUrl, CUSTOMER, { system: 'erp-e2e', id: externalId }, platform.internal);
    expect(after.data!.customerByExternalId!.interactions).toEqual({ totalCount: 1, edges: [{ node: { channel: 'STORE', kind: 'ACTIVE', type: 'FEEDBACK' } }] });

    const replay = await jobOf(await postImport('interactions', body, erp, '?sourceSystem=erp-e2e'));
    expect(replay.counts).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 1, rejected: 1 });
  });

  it('re-evaluates segments once after the import, so imported customers are members at once', async () => {
    // Niue (NU) is a country the demo data never uses.
    const rule = { condition: { field: 'COUNTRY', operator: 'EQ', values: ['NU'] } };
    const created = await postGraphQL(platform.gatewayUrl, CreateSegmentDocument, { input: { name: `Imported in Niue ${randomUUID()}`, rule } as never }, platform.internal);
    expect(created.errors).toBeUndefined();
    const segment = created.data!.createSegment;
    expect(segment.memberCount).toBe(0);
    const body = `${JSON.stringify({ externalId: `NU-${randomUUID()}`, acquisitionChannel: 'WEB', givenName: 'Nia', countryCode: 'NU' })}\n`;
    expect((await jobOf(await postImport('customers', body, erp, '?sourceSystem=erp-e2e'))).counts.inserted).toBe(1);
    const read = await postGraphQL(platform.gatewayUrl, SegmentMembersDocument, { id: segment.id, first: 10 }, platform.internal);
    expect(read.errors).toBeUndefined();
    expect(read.data!.segment).toMatchObject({ memberCount: 1, members: { edges: [{ node: { displayName: 'Nia' } }] } });
  });

  it('refuses both kinds to every caller but an ERP integration with customers:write', async () => {
    const body = `${JSON.stringify({ externalId: `R-${randomUUID()}`, acquisitionChannel: 'WEB', givenName: 'Refused' })}\n`;
    for (const kind of ['customers', 'interactions']) {
      expect((await postImport(kind, body, platform.internal)).status).toBe(403);
      const readOnlyErp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'customers:read orders:write' });
      expect((await postImport(kind, body, readOnlyErp)).status).toBe(403);
    }
  });
});
