import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync, randomUUID } from 'node:crypto';

/** What the access line of one request reports, filled in as the request runs (never personal data). */
export interface AccessRecord {
  operation?: string;
  clientId?: string;
  callerKind?: string;
  errorCodes: Set<string>;
}

/** One request as it crosses services: who logs it (service), how it is correlated (request id, W3C trace). */
export interface RequestScope {
  service: string;
  requestId: string;
  traceId: string;
  /** The span the next outgoing call is a child of. */
  spanId: string;
  sampled: boolean;
  access: AccessRecord;
  /**
   * Aborted when the caller went away before the answer (its statements are then cancelled).
   * Kept here rather than in an AsyncLocalStorage of its own: every live storage costs work on every promise.
   */
  signal?: AbortSignal;
}

export const REQUEST_ID_HEADER = 'x-request-id';
export const TRACEPARENT_HEADER = 'traceparent';

const storage = new AsyncLocalStorage<RequestScope>();

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

export function runInScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
// Only ids we could have made: a header is never a way to write arbitrary text into our logs.
const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export interface TraceParent {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

export function parseTraceparent(header: string | undefined): TraceParent | undefined {
  const match = header ? TRACEPARENT.exec(header.trim()) : null;
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return { traceId: match[1], spanId: match[2], sampled: (parseInt(match[3], 16) & 1) === 1 };
}

export function formatTraceparent(trace: TraceParent): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? '01' : '00'}`;
}

// Ids are cut from a pool of random bytes refilled 4 KB at a time (as node's randomUUID does): every
// request needs a span id (and the gateway a trace id), and a crypto call per id showed in profiles.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const hex = pool.toString('hex', poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return hex;
}

export const newTraceId = () => randomHex(16);
export const newSpanId = () => randomHex(8);

export function acceptedRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : undefined;
}

export { randomUUID as newRequestId };
