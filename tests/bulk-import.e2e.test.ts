import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { demoProducts } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { CreateCustomerDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const DEMO = { seed: 31, customers: 4 };
const [product] = demoProducts(DEMO).filter((p) => p.stockLevel >= 100);
const JOB_QUERY = parse(`query Job($id: ID!) { importJob(id: $id) { state counts { read inserted updated unchanged rejected } badRows(first: 10) { lineNo field reason } } }`);

describe(`bulk import through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let base: string;
  let customerId: string;
  let erp: Record<string, string>;

  /** Sends the body as a stream of chunks (chunked transfer encoding), as a large file would go. */
  const postImport = (kind: string, body: string, headers: Record<string, string>, contentType = 'application/x-ndjson', search = '') =>
    fetch(`${base}/import/${kind}${search}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < body.length; i += 50) controller.enqueue(new TextEncoder().encode(body.slice(i, i + 50)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
  const order = (overrides: Record<string, unknown> = {}) => JSON.stringify({ externalId: `e2e-${randomUUID()}`, customerId, channel: 'WEB', currency: 'EUR', lines: [{ sku: product.sku, quantity: 1 }], ...overrides });

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: DEMO });
    base = new URL(platform.gatewayUrl).origin;
    erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION);
    const created = await postGraphQL(platform.gatewayUrl, CreateCustomerDocument, { input: { givenName: 'Ida', familyName: 'Import', email: `ida-${randomUUID()}@example.com`, acquisitionChannel: 'WEB' } }, platform.internal);
    expect(created.errors).toBeUndefined();
    customerId = created.data!.createCustomer.id;
  });
  afterAll(() => platform.close());

  it('imports a streamed NDJSON body for an ERP token, rejects unknown customers, and is idempotent on replay', async () => {
    const body = [order(), order({ customerId: randomUUID() }), order()].join('\n') + '\n';
    const response = await postImport('orders', body, erp, 'application/x-ndjson', '?sourceSystem=erp-e2e');
    expect(response.status).toBe(200);
    const { job } = (await response.json()) as { job: { id: string; sourceSystem: string; counts: Record<string, number> } };
    expect(job.sourceSystem).toBe('erp-e2e');
    expect(job.counts).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });

    const queried = await postGraphQL<{ importJob: unknown }, { id: string }>(platform.gatewayUrl, JOB_QUERY, { id: job.id }, erp);
    expect(queried.errors).toBeUndefined();
    expect(queried.data!.importJob).toEqual({ state: 'DONE', counts: job.counts, badRows: [{ lineNo: 2, field: 'customerId', reason: 'unknown customer' }] });

    const report = await fetch(`${base}/import/orders/jobs/${job.id}/bad-rows`, { headers: erp });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('application/x-ndjson');
    expect(await report.text()).toBe(`${JSON.stringify({ lineNo: 2, field: 'customerId', reason: 'unknown customer' })}\n`);

    const replay = await postImport('orders', body, erp, 'application/x-ndjson', '?sourceSystem=erp-e2e');
    expect(((await replay.json()) as { job: { counts: unknown } }).job.counts).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 2, rejected: 1 });
  });

  it('reports a line longer than the cap (IMPORT_MAX_LINE_BYTES, 1 MiB by default) as a bad row without its content, and imports the lines around it', async () => {
    const secret = 'SECRET-NOTE-8812';
    const huge = order({ note: secret.repeat(Math.ceil(1_048_576 / secret.length)) });
    const body = [order(), huge, order()].join('\n') + '\n';
    const response = await postImport('orders', body, erp);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(secret);
    const { job } = JSON.parse(text) as { job: { id: string; counts: Record<string, number> } };
    expect(job.counts).toEqual({ read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    const report = await (await fetch(`${base}/import/orders/jobs/${job.id}/bad-rows`, { headers: erp })).text();
    expect(report).toBe(`${JSON.stringify({ lineNo: 2, field: '(line)', reason: 'is longer than 1048576 bytes' })}\n`);
  });

  it('accepts CSV bodies', async () => {
    const csv = `externalId,customerId,channel,currency,lines\ncsv-${randomUUID()},${customerId},STORE,EUR,"[{""sku"":""${product.sku}"",""quantity"":2}]"\n`;
    const response = await postImport('orders', csv, erp, 'text/csv');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { job: { counts: unknown } }).job.counts).toEqual({ read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0 });
  });

  it('refuses every caller but an ERP integration holding the kind’s scope, and writes nothing for them', async () => {
    const externalId = `refused-${randomUUID()}`;
    const body = `${order({ externalId })}\n`;
    const internal = await postImport('orders', body, platform.internal);
    expect(internal.status).toBe(403);
    expect(((await internal.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
    for (const kind of [CallerKind.PARTNER, CallerKind.BI, CallerKind.CUSTOMER]) {
      const claims = kind === CallerKind.PARTNER ? { partner_id: 'partner-x' } : kind === CallerKind.CUSTOMER ? { customer_id: customerId } : {};
      expect((await postImport('orders', body, await platform.tokens.headers(kind, claims as never))).status).toBe(403);
    }
    expect((await postImport('orders', body, {})).status).toBe(401);
    expect((await postImport('orders', body, { authorization: 'Bearer not.a.jwt' })).status).toBe(401);
    const noOrderScope = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: 'customers:read customers:write orders:read' });
    expect((await postImport('orders', body, noOrderScope)).status).toBe(403);
    expect((await fetch(`${base}/import/orders/jobs/${randomUUID()}/bad-rows`, { headers: platform.internal })).status).toBe(403);
    expect((await postImport('spaceships', body, erp)).status).toBe(404);
    expect((await postImport('orders', body, erp, 'application/xml')).status).toBe(400);
    expect((await postImport('orders', body, erp, 'application/x-ndjson', `?sourceSystem=${'x'.repeat(65)}`)).status).toBe(400);
    expect((await postImport('orders', body, erp, 'application/x-ndjson', '?resume=not-a-job')).status).toBe(404);
    expect((await fetch(`${base}/import/orders/jobs/${'-'.repeat(36)}/bad-rows`, { headers: erp })).status).toBe(404);
    // None of the refused bodies was imported: the same row now imports as new.
    const accepted = await postImport('orders', body, erp);
    expect(((await accepted.json()) as { job: { counts: { inserted: number } } }).job.counts.inserted).toBe(1);
  });

  it('does not let a caller reach the subgraph import endpoint without the gateway', async () => {
    const transactions = platform.subgraphs.find((s) => s.name === 'transactions')!;
    const direct = await fetch(new URL('/import/orders', transactions.url), { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...erp }, body: `${order()}\n` });
    expect(direct.status).toBe(401);
  });
});
