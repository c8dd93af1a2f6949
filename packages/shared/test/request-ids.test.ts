import { newSpanId, newTraceId, parseTraceparent, formatTraceparent } from '../src/observability/request-scope';

describe('trace and span ids', () => {
  it('are lower-case hex of W3C length that a traceparent accepts', () => {
    const trace = { traceId: newTraceId(), spanId: newSpanId(), sampled: false };
    expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(trace.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(parseTraceparent(formatTraceparent(trace))).toEqual(trace);
  });

  it('never repeat, also across refills of the random pool', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      ids.add(newTraceId());
      ids.add(newSpanId());
    }
    expect(ids.size).toBe(10_000);
  });
});
