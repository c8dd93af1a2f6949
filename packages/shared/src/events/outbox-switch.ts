/**
 * Whether write paths record events in the outbox. Always true in the services: only the benchmark's
 * own subgraph entry (bench/servers/subgraphs-main.ts, BENCH_OUTBOX=off) turns it off, to measure
 * what the outbox costs a write. No setting of a service reaches it, and the shared index does not
 * export it (import '@c360/shared/events/outbox-switch').
 */
let recording = true;

export const outboxRecording = (): boolean => recording;

/** Benchmark only: write paths stop recording events (the changes themselves are unchanged). */
export function disableOutboxForBenchmark(): void {
  recording = false;
}
