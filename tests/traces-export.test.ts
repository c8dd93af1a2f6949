import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storageLabel } from '@c360/shared/testing';
import { databaseFor, startService, type ServiceProcess } from './support/service-process';
import { CallerKind, createTestTokenIssuer, TEST_AUDIENCE, TEST_ISSUER } from './support/test-tokens';

interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

/** A minimal OTLP/HTTP (JSON) collector: what the services export, flattened. */
async function collector(): Promise<{ endpoint: string; spans: ExportedSpan[]; server: Server }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: { key: string; value: Record<string, unknown> }[] }[] }[];
        }[];
      };
      for (const resource of parsed.resourceSpans) {
        const service = resource.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const scope of resource.scopeSpans)
          for (const span of scope.spans)
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]])),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

const SIGNING_KEY = 'traces-export-signing-key-0123456789abcdef';

// Service processes start (and migrate) on a shared, loaded machine: give them time.
jest.setTimeout(240_000);

describe(`traces exported with the standard OTEL_* variables, one trace across processes, on ${storageLabel()}`, () => {
  const processes: ServiceProcess[] = [];
  afterAll(() => processes.forEach((p) => p.child.kill('SIGKILL')));

  it('gateway, customers and consent (separate processes) export one trace per request, SQL spans included on PostgreSQL', async () => {
    const otlp = await collector();
    try {
      const otel = { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
      const database = await databaseFor(['customers', 'consent']);
      const common = { ...otel, ...database, HOST: '127.0.0.1', CALLER_SIGNING_KEY: SIGNING_KEY, DEMO_DATA: 'false' };
      const consent = startService('consent', { ...common, CONSENT_PORT: '0' });
      processes.push(consent);
      const [, consentUrl] = await consent.waitFor(/ready at (http:\/\/\S+)/);
      const customers = startService('customers', { ...common, CUSTOMERS_PORT: '0', CONSENT_URL: consentUrl });
      processes.push(customers);
      const [, customersUrl] = await customers.waitFor(/ready at (http:\/\/\S+)/);

      const tokens = await createTestTokenIssuer();
      const jwksPath = join(mkdtempSync(join(tmpdir(), 'c360-jwks-')), 'jwks.json');
      writeFileSync(jwksPath, JSON.stringify({ keys: [tokens.publicJwk] }));
      const gateway = startService('gateway', {
        ...otel,
        PORT: '0',
        HOST: '127.0.0.1',
        CALLER_SIGNING_KEY: SIGNING_KEY,
        SUPERGRAPH_PATH: join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_AUDIENCE: TEST_AUDIENCE,
        AUTH_JWKS_PATH: jwksPath,
        CUSTOMERS_URL: customersUrl,
        CONSENT_URL: consentUrl,
      });
      processes.push(gateway);
      const [, gatewayUrl] = await gateway.waitFor(/graph at (http:\/\/[^\s"]+)/);

      const post = async (query: string, variables: object, kind: Record<string, string>) => {
        const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...kind }, body: JSON.stringify({ query, variables }) });
        return (await response.json()) as { data?: Record<string, { id: string } | null>; errors?: unknown[] };
      };
      const internal = await tokens.headers(CallerKind.INTERNAL_APP);
      const created = await post(
        'mutation Create($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        { input: { givenName: 'Otto', familyName: 'Lemetry', acquisitionChannel: 'WEB' } },
        internal,
      );
      expect(created.errors).toBeUndefined();
      const marketing = await tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'MARKETING' });
      const profile = await post('query Profile($id: ID!) { customer(id: $id) { id givenName } }', { id: created.data!.createCustomer!.id }, marketing);
      expect(profile.data?.customer?.id).toBe(created.data!.createCustomer!.id);

      // Stopping flushes every exporter.
      for (const service of [gateway, customers, consent]) service.child.kill('SIGTERM');
      for (const service of [gateway, customers, consent]) expect(await service.exited).toBe(0);

      const roots = otlp.spans.filter((s) => s.service === 'c360-gateway' && !s.parentSpanId);
      expect(roots.length).toBeGreaterThanOrEqual(2);
      const profileTrace = otlp.spans.filter((s) => s.traceId === roots[roots.length - 1].traceId);
      expect(new Set(profileTrace.map((s) => s.service))).toEqual(new Set(['c360-gateway', 'c360-customers', 'c360-consent']));
      const ids = new Set(profileTrace.map((s) => s.spanId));
      for (const span of profileTrace) if (span.parentSpanId) expect(ids.has(span.parentSpanId)).toBe(true);
      if (process.env.DATABASE_URL) {
        const sql = profileTrace.filter((s) => s.attributes['db.system'] === 'postgresql' || s.attributes['db.system.name'] === 'postgresql');
        expect(new Set(sql.map((s) => s.service))).toEqual(new Set(['c360-customers', 'c360-consent']));
      }
    } finally {
      otlp.server.closeAllConnections();
      otlp.server.close();
    }
  });
});
