import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import { connect } from '@nats-io/transport-node';
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { withClient } from '../dataset/database';
import type { Target } from '../load/graphql-target';
import { spread, type Spread } from '../load/stats';
import type { ProcessGroup } from '../measure/proc-stats';
import type { BenchCallers } from '../setup/bench-callers';
import { processGroup, startOurServers, type ServerSet } from '../setup/server-processes';
import { measureBacklogDrain, type BacklogDrain } from './r9-backlog';
import { planOrders, recordOrders, type OrderBatchResult } from './r9-order-writes';

/** The benchmark-only switch (bench/servers/subgraphs-main.ts): the subgraphs record no events. */
export const OUTBOX_SWITCH = { name: 'BENCH_OUTBOX', off: 'off' } as const;
const SCHEMAS = ['customers', 'transactions', 'offers', 'consent'];

export type RoundSummary = Omit<OrderBatchResult, 'bodies'> & { cpuMsPerOrderTotal: number };

export interface R9Result {
  ordersPerRound: number;
  connections: number;
  rounds: { on: RoundSummary; off: RoundSummary }[];
  /** Every order's response equal on both sides (the ratio is void otherwise). */
  sameBody: boolean;
  cpuMsPerOrder: { on: Spread; off: Spread };
  /** Whole platform (our gateway + subgraphs + PostgreSQL) CPU per order, outbox on ÷ off: median of the rounds' medians, range over the pairs. */
  ratio: { median: number; min: number; max: number };
  ordersPerSecond: { on: Spread; off: Spread };
  /** The measured tail after each round's last answer: TAIL_MS on both sides, longer when the on side's events took longer to go out. */
  tailMs: { set: number; longest: number };
  /** Events already waiting (earlier experiments) that the outbox side's dispatcher delivered before the rounds. */
  backlog: { events: number; seconds: number };
  nats: NatsFigures | { measured: false; reason: string };
  /** A backlog written at once (as by an import), drained by the outbox side's dispatcher to NATS. */
  backlogDrain: BacklogDrain | null;
  failures: number;
}

export interface NatsFigures {
  measured: true;
  url: string;
  events: number;
  pollMs: number;
  /** Orders committed per second during the burst (responses received). */
  committedPerSecond: number;
  /** From the first order sent to the last order.recorded event received on NATS. */
  eventsPerSecond: number;
  /** Per event: from its order's response (after the commit) to its receipt by a JetStream consumer. */
  commitToReceiptMs: { p50: number; p99: number; max: number };
}

const EVENTS_POLL_MS = 500;
/** The quiet tail measured after each round on both sides: three poll intervals, time for the last batch to go out. */
const TAIL_MS = 3 * EVENTS_POLL_MS;

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 4222) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function pendingEvents(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const counts = SCHEMAS.map((s) => `(SELECT count(*) FROM ${s}.outbox WHERE delivered_at IS NULL AND NOT dead)`).join(' + ');
    const { rows } = await client.query(`SELECT (${counts})::int AS n`);
    return rows[0].n as number;
  });
}

async function waitForEmptyOutbox(databaseUrl: string, timeoutMs: number): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  const events = await pendingEvents(databaseUrl);
  while ((await pendingEvents(databaseUrl)) > 0) {
    if (performance.now() - started > timeoutMs) throw new Error(`R9: the outbox did not drain within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

/**
 * After a round's last answer both sides are measured on for the same quiet tail, and the on side until its
 * events are all delivered too: the dispatcher's work counts with the writes, and the idle tail (timers,
 * the collector catching up) weighs the same on both sides. Notes how long the tail was in `tails`.
 */
async function tail(databaseUrl: string, tails: number[]): Promise<void> {
  const started = performance.now();
  await waitForEmptyOutbox(databaseUrl, 120_000); // at once on the off side: it writes no events
  const drained = performance.now() - started;
  if (drained < TAIL_MS) await new Promise((resolve) => setTimeout(resolve, TAIL_MS - drained));
  tails.push(performance.now() - started);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * R9: what the transactional outbox adds to a write. Two server sets over the same database: one as
 * in production (recordOrder writes order.recorded to the outbox, a dispatcher polls every 500 ms and
 * publishes to NATS when reachable), one with the benchmark-only switch BENCH_OUTBOX=off (no event
 * written, no dispatcher). Both record the same planned orders in interleaved rounds; every response
 * must be equal side against side. The on side's CPU is read after its round's events are delivered, so
 * the dispatcher's work (claims, publications, the webhook relay call) counts as part of the outbox's cost.
 * Then a burst through the outbox side gives events/s from commit to NATS.
 */
export async function measureR9(options: {
  databaseUrl: string;
  callers: BenchCallers;
  ordersPerRound: number;
  rounds: number;
  connections: number;
  burst: number;
  /** Events of the backlog-drain measurement. */
  backlogEvents: number;
  natsUrl: string;
  pg: ProcessGroup;
  log: (line: string) => void;
}): Promise<R9Result> {
  const { databaseUrl, callers, log } = options;
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const withNats = await reachable(options.natsUrl);
  const stream = `C360_BENCH_${tag}`;
  const subjectPrefix = `c360bench.${tag}`;
  const natsEnv: Record<string, string> = withNats ? { NATS_URL: options.natsUrl, NATS_STREAM: stream, NATS_SUBJECT_PREFIX: subjectPrefix } : {};
  const nc = withNats ? await connect({ servers: options.natsUrl }) : null;
  const started: ServerSet[] = [];
  try {
    if (nc) await (await jetstreamManager(nc)).streams.add({ name: stream, subjects: [`${subjectPrefix}.>`], duplicate_window: 120_000 * 1_000_000 });
    const on = await startOurServers(databaseUrl, callers, '-outbox-on', { EVENTS_POLL_MS: String(EVENTS_POLL_MS), ...natsEnv });
    started.push(on);
    // No dispatcher on this side: it has nothing of its own to deliver, and must not deliver the other side's events.
    const off = await startOurServers(databaseUrl, callers, '-outbox-off', { [OUTBOX_SWITCH.name]: OUTBOX_SWITCH.off, EVENTS_POLL_MS: '0' });
    started.push(off);
    const sides = {
      on: { target: { name: 'outbox on', url: on.gateway.urls.gateway, headers: callers.internalBearer } as Target, groups: [processGroup(on.gateway), processGroup(on.subgraphs), options.pg] },
      off: { target: { name: 'outbox off (BENCH_OUTBOX=off)', url: off.gateway.urls.gateway, headers: callers.internalBearer } as Target, groups: [processGroup(off.gateway), processGroup(off.subgraphs), options.pg] },
    };
    const backlog = await waitForEmptyOutbox(databaseUrl, 600_000);
    log(`    backlog from earlier experiments: ${backlog.events} events delivered in ${backlog.seconds.toFixed(1)} s before the rounds`);

    const plans = await planOrders(databaseUrl, options.ordersPerRound);
    // A whole round per side, not measured: the first rounds after a start run slower (JIT, caches) and drift down.
    for (const side of ['on', 'off'] as const) await recordOrders(sides[side].target, plans, `r9-${tag}-warm-${side}`, options.connections, []);
    const rounds: R9Result['rounds'] = [];
    let sameBody = true;
    let failures = 0;
    const tails: number[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const order = r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      const result: Partial<Record<'on' | 'off', OrderBatchResult>> = {};
      for (const side of order) {
        if (side === 'on') await waitForEmptyOutbox(databaseUrl, 120_000); // each on-round starts with nothing left to deliver
        result[side] = await recordOrders(sides[side].target, plans, `r9-${tag}-${side}-${r}`, options.connections, sides[side].groups, false, () => tail(databaseUrl, tails));
      }
      const [a, b] = [result.on!, result.off!];
      failures += a.failures + b.failures;
      if (a.bodies.some((body, i) => body !== b.bodies[i])) sameBody = false;
      const summary = (x: OrderBatchResult): RoundSummary => {
        const { bodies: _bodies, sentAt: _s, answeredAt: _a, ...rest } = x as OrderBatchResult & { sentAt?: number[]; answeredAt?: number[] };
        return { ...rest, cpuMsPerOrderTotal: Object.values(x.cpuMsPerOrder).reduce((s, v) => s + v, 0) };
      };
      rounds.push({ on: summary(a), off: summary(b) });
      const last = rounds.at(-1)!;
      log(`    round ${r + 1}: on ${last.on.cpuMsPerOrderTotal.toFixed(2)} ms CPU/order, ${last.on.ordersPerSecond.toFixed(0)} orders/s; off ${last.off.cpuMsPerOrderTotal.toFixed(2)} ms, ${last.off.ordersPerSecond.toFixed(0)} orders/s${a.failures + b.failures ? `; ${a.failures + b.failures} FAILED: ${a.firstFailure ?? b.firstFailure}` : ''}`);
    }
    const pairRatios = rounds.map((x) => x.on.cpuMsPerOrderTotal / x.off.cpuMsPerOrderTotal);
    const cpuOn = spread(rounds.map((x) => x.on.cpuMsPerOrderTotal));
    const cpuOff = spread(rounds.map((x) => x.off.cpuMsPerOrderTotal));
    const ratio = { median: cpuOn.median / cpuOff.median, min: Math.min(...pairRatios), max: Math.max(...pairRatios) };

    let nats: R9Result['nats'] = { measured: false, reason: `no NATS server at ${options.natsUrl}` };
    if (nc) {
      await waitForEmptyOutbox(databaseUrl, 120_000);
      const burstPlans = await planOrders(databaseUrl, options.burst);
      const received = new Map<string, number>();
      const consumer = await jetstream(nc).consumers.get(stream, { filter_subjects: `${subjectPrefix}.order.recorded`, deliver_policy: DeliverPolicy.New });
      const messages = await consumer.consume();
      const receiving = (async () => {
        for await (const m of messages) {
          const orderId = (m.json() as { payload: { orderId: string } }).payload.orderId;
          received.set(orderId, performance.now());
          if (received.size >= burstPlans.length) break;
        }
      })();
      const burst = await recordOrders(sides.on.target, burstPlans, `r9-${tag}-burst`, options.connections, [], true);
      failures += burst.failures;
      const ids = burst.bodies.map((b) => (JSON.parse(b) as { data?: { recordOrder?: { id: string } } }).data?.recordOrder?.id);
      const deadline = performance.now() + 120_000;
      while (ids.some((id) => id && !received.has(id)) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await messages.close();
      await receiving.catch(() => undefined);
      const lags = ids.flatMap((id, i) => (id && received.has(id) ? [received.get(id)! - burst.answeredAt[i]] : [])).sort((x, y) => x - y);
      const missing = ids.filter((id) => !id || !received.has(id)).length;
      failures += missing;
      const first = Math.min(...burst.sentAt);
      nats = {
        measured: true,
        url: options.natsUrl,
        events: lags.length,
        pollMs: EVENTS_POLL_MS,
        committedPerSecond: burstPlans.length / ((Math.max(...burst.answeredAt) - first) / 1000),
        eventsPerSecond: lags.length / ((Math.max(...received.values()) - first) / 1000),
        commitToReceiptMs: { p50: percentile(lags, 0.5), p99: percentile(lags, 0.99), max: lags.at(-1) ?? NaN },
      };
      log(`    NATS: ${lags.length}/${burstPlans.length} order.recorded events received${missing ? ` (${missing} MISSING)` : ''}; ${nats.eventsPerSecond.toFixed(0)} events/s first send to last receipt (${nats.committedPerSecond.toFixed(0)} commits/s); commit to receipt p50 ${nats.commitToReceiptMs.p50.toFixed(0)} ms, p99 ${nats.commitToReceiptMs.p99.toFixed(0)} ms (poll ${EVENTS_POLL_MS} ms)`);
    }
    let backlogDrain: BacklogDrain | null = null;
    if (nc) {
      await waitForEmptyOutbox(databaseUrl, 120_000);
      backlogDrain = await measureBacklogDrain({ databaseUrl, nc, stream, subjectPrefix, count: options.backlogEvents, timeoutMs: 600_000 });
      failures += backlogDrain.missing;
      log(`    backlog: ${backlogDrain.events} events written at once drained to NATS in ${backlogDrain.seconds.toFixed(1)} s, ${backlogDrain.eventsPerSecond.toFixed(0)} events/s${backlogDrain.missing ? ` (${backlogDrain.missing} MISSING)` : ''}`);
    }
    return {
      ordersPerRound: options.ordersPerRound,
      tailMs: { set: TAIL_MS, longest: Math.max(...tails) },
      connections: options.connections,
      rounds,
      sameBody,
      cpuMsPerOrder: { on: cpuOn, off: cpuOff },
      ratio,
      ordersPerSecond: { on: spread(rounds.map((x) => x.on.ordersPerSecond)), off: spread(rounds.map((x) => x.off.ordersPerSecond)) },
      backlog,
      nats,
      backlogDrain,
      failures,
    };
  } finally {
    // The servers first: a dispatcher still running would create the stream again.
    for (const set of started) await set.stop();
    if (nc) {
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
      await nc.close();
    }
  }
}
