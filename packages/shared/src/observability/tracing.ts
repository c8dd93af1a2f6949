import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { IncomingHttpHeaders } from 'node:http';
import { currentScope, formatTraceparent, REQUEST_ID_HEADER, TRACEPARENT_HEADER } from './request-scope';

/**
 * OpenTelemetry traces, off unless the standard variables ask for them (OTEL_TRACES_EXPORTER=otlp
 * or console, OTEL_SDK_DISABLED not true). Off means no SDK is even loaded: one boolean per request.
 */
let provider: { shutdown(): Promise<void> } | undefined;
const TRACER = 'customer-360';

export const tracingEnabled = () => provider !== undefined;

export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? 'none').split(',').map((e) => e.trim().toLowerCase());
  return exporters.some((e) => e === 'otlp' || e === 'console');
}

export interface TracingOptions {
  serviceName: string;
  /** Tests pass their own (an in-memory exporter); otherwise built from OTEL_TRACES_EXPORTER. */
  spanProcessors?: SpanProcessor[];
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
function processorsFromEnv(): SpanProcessor[] {
  const base = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const exporters = (process.env.OTEL_TRACES_EXPORTER ?? '').split(',').map((e) => e.trim().toLowerCase());
  const processors: SpanProcessor[] = [];
  if (exporters.includes('otlp')) {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    processors.push(new base.BatchSpanProcessor(new OTLPTraceExporter())); // reads OTEL_EXPORTER_OTLP_* itself
  }
  if (exporters.includes('console')) processors.push(new base.BatchSpanProcessor(new base.ConsoleSpanExporter()));
  return processors;
}

/** Registers the global tracer provider and W3C propagation; call before `pg` is loaded to get SQL spans. */
export function startTracing(options: TracingOptions): void {
  if (provider) return;
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const nodeProvider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? options.serviceName }),
    spanProcessors: options.spanProcessors ?? processorsFromEnv(),
  });
  nodeProvider.register();
  const unregister = registerInstrumentations({ instrumentations: [new PgInstrumentation({ requireParentSpan: true })] });
  provider = {
    async shutdown() {
      unregister();
      await nodeProvider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Flushes and removes the provider (on shutdown, and between tests). */
export async function stopTracing(): Promise<void> {
  const current = provider;
  provider = undefined;
  await current?.shutdown();
}

/** The server span of one request: a child of the caller's traceparent, or a new trace at the edge. */
export function startServerSpan(service: string, headers: IncomingHttpHeaders, edge: boolean): { span: Span; context: Context } {
  const parent = edge ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, headers);
  const span = trace.getTracer(TRACER).startSpan(`${service} POST /graphql`, { kind: SpanKind.SERVER, attributes: { 'c360.service': service, 'http.request.method': 'POST' } }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

export function endSpan(span: Span | undefined, status: number): void {
  if (!span) return;
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * Headers that carry the request across a service-to-service call (request id, W3C traceparent),
 * and the client span of that call when tracing is on.
 */
export function outgoingCall(target: string): { headers: Record<string, string>; end(status: number | Error): void } {
  const scope = currentScope();
  const headers: Record<string, string> = {};
  if (scope) headers[REQUEST_ID_HEADER] = scope.requestId;
  if (!tracingEnabled()) {
    if (scope) headers[TRACEPARENT_HEADER] = formatTraceparent(scope);
    return { headers, end: () => undefined };
  }
  const span = trace.getTracer(TRACER).startSpan(`POST ${target}`, { kind: SpanKind.CLIENT, attributes: { 'server.address': target } });
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return {
    headers,
    end(outcome) {
      if (outcome instanceof Error) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.name });
      else endSpan(span, outcome);
      if (outcome instanceof Error) span.end();
    },
  };
}
