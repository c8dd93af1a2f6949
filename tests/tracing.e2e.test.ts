import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { storageLabel } from '@c360/shared/testing';
import { startTracing, stopTracing, tracingEnabled, DEFAULT_EVENTS_OPTIONS } from '@c360/shared';
import { CreateCustomerDocument, CustomerProfileDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';

const settle = () => new Promise((resolve) => setTimeout(resolve, 200)); // server spans end when the socket closes

// The whole platform starts in beforeAll; on a loaded machine that can pass a minute.
jest.setTimeout(180_000);

describe(`OpenTelemetry traces across services on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  const exporter = new InMemorySpanExporter();
  let customerId: string;

  beforeAll(async () => {
    startTracing({ serviceName: 'c360-test', spanProcessors: [new SimpleSpanProcessor(exporter)] });
    // No event timer: the outbox relaying this test's own events to consent would start traces of its own.
    platform = await startTestPlatform({ events: { ...DEFAULT_EVENTS_OPTIONS, pollMs: 0 } });
    const created = await postGraphQL(
      platform.gatewayUrl,
      CreateCustomerDocument,
      { input: { givenName: 'Ada', familyName: 'Trace', email: 'ada@example.org', acquisitionChannel: 'WEB' } },
      platform.internal,
    );
    customerId = created.data!.createCustomer.id;
  });
  afterAll(async () => {
    await platform.close();
    await stopTracing();
  });

  const serverSpans = (spans: ReadableSpan[]) => spans.filter((s) => s.kind === SpanKind.SERVER);

  it('one request through gateway, subgraph and peer call is one trace, every span parented inside it', async () => {
    await settle();
    exporter.reset();
    // Under a consent purpose every request asks the consent subgraph for per-customer decisions.
    const marketing = await platform.tokens.headers(CallerKind.INTERNAL_APP, { purpose: 'MARKETING' });
    const profile = await postGraphQL(platform.gatewayUrl, CustomerProfileDocument, { id: customerId }, marketing);
    expect(profile.data?.customer?.id).toBe(customerId);
    await settle();

    const spans = exporter.getFinishedSpans();
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
    const services = serverSpans(spans).map((s) => s.attributes['c360.service']);
    expect(services).toEqual(expect.arrayContaining(['gateway', 'customers', 'consent']));
    const ids = new Set(spans.map((s) => s.spanContext().spanId));
    const roots = spans.filter((s) => !s.parentSpanContext);
    expect(roots.map((s) => s.attributes['c360.service'])).toEqual(['gateway']);
    for (const span of spans) if (span.parentSpanContext) expect(ids.has(span.parentSpanContext.spanId)).toBe(true);
    // A subgraph's server span is the child of the call that reached it, not of some other span.
    for (const server of serverSpans(spans).filter((s) => s.attributes['c360.service'] !== 'gateway')) {
      const parent = spans.find((s) => s.spanContext().spanId === server.parentSpanContext?.spanId);
      expect(parent?.kind).toBe(SpanKind.CLIENT);
    }
  });

  it('the gateway starts its own trace: a traceparent sent by a client is not continued', async () => {
    await settle();
    exporter.reset();
    const clientTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const result = await postGraphQL(platform.gatewayUrl, CustomerProfileDocument, { id: customerId }, { ...platform.internal, traceparent: `00-${clientTrace}-00f067aa0ba902b7-01` });
    expect(result.errors).toBeUndefined();
    await settle();
    const spans = exporter.getFinishedSpans();
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.map((s) => s.spanContext().traceId)).not.toContain(clientTrace);
  });

  it('is off by default and after shutdown: no provider, no spans', async () => {
    expect(tracingEnabled()).toBe(true);
    await stopTracing();
    expect(tracingEnabled()).toBe(false);
    exporter.reset();
    await postGraphQL(platform.gatewayUrl, CustomerProfileDocument, { id: customerId }, platform.internal);
    await settle();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
