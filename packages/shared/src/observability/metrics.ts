import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { currentScope } from './request-scope';

/**
 * One registry per process. Every series carries the service it describes, so `npm start`
 * (all services in one process) and one container per service read the same way.
 */
export const metricsRegistry = new Registry();

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const requestDuration = new Histogram({
  name: 'c360_graphql_request_duration_seconds',
  help: 'GraphQL HTTP requests by service, operation name and HTTP status (its _count is the request rate)',
  labelNames: ['service', 'operation', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const errorsByCode = new Counter({
  name: 'c360_graphql_errors_total',
  help: 'GraphQL errors returned to callers, by service and extensions.code',
  labelNames: ['service', 'code'] as const,
  registers: [metricsRegistry],
});

export const subgraphFetchDuration = new Histogram({
  name: 'c360_gateway_subgraph_fetch_duration_seconds',
  help: 'Gateway fetches from each subgraph, by outcome (ok, error, unavailable)',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const peerCallDuration = new Histogram({
  name: 'c360_peer_call_duration_seconds',
  help: 'Service-to-service calls (consent decisions, internal contracts), by caller service, peer and outcome',
  labelNames: ['service', 'peer', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const consentDecisions = new Counter({
  name: 'c360_consent_decisions_total',
  help: 'Field-level consent decisions applied, by service, outcome (allow, deny) and reason',
  labelNames: ['service', 'outcome', 'reason'] as const,
  registers: [metricsRegistry],
});

export const segmentEvaluationsPending = new Counter({
  name: 'c360_segment_evaluations_pending_total',
  help: 'Customers whose incremental segment re-evaluation could not be decided (consent or a peer unavailable): memberships kept as they were, retried',
  labelNames: ['service', 'cause'] as const,
  registers: [metricsRegistry],
});

export const segmentEvaluationRetries = new Counter({
  name: 'c360_segment_evaluation_retries_total',
  help: 'Retries of pending incremental segment re-evaluations, by outcome (ok: nothing left pending; pending: some still undecided)',
  labelNames: ['service', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const jobRuns = new Counter({
  name: 'c360_background_job_runs_total',
  help: 'Background job runs by job and outcome (ok, failed)',
  labelNames: ['job', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'c360_background_job_duration_seconds',
  help: 'Background job run time',
  labelNames: ['job'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
});

/** Reads a connection pool's counts at scrape time. */
export interface PoolProbe {
  service: string;
  total(): number;
  idle(): number;
  waiting(): number;
}

const pools = new Set<PoolProbe>();

new Gauge({
  name: 'c360_db_pool_connections',
  help: 'Database pool connections by service and state (total, idle, waiting clients)',
  labelNames: ['service', 'state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const pool of pools) {
      this.inc({ service: pool.service, state: 'total' }, pool.total());
      this.inc({ service: pool.service, state: 'idle' }, pool.idle());
      this.inc({ service: pool.service, state: 'waiting' }, pool.waiting());
    }
  },
});

/** Registers a pool for scraping; the returned function unregisters it (when the pool closes). */
export function watchPool(probe: PoolProbe): () => void {
  pools.add(probe);
  return () => pools.delete(probe);
}

let processMetrics = false;
/** Process metrics (CPU, memory, event-loop lag, GC), once per process. */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 20 });
}

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();

/** Operation names are chosen by clients: bounded in shape and number so they cannot flood the registry. */
export function operationLabel(name: string | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'invalid';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
  seenOperations.add(name);
  return name;
}

/** The service whose request is running (for metrics recorded deep inside shared code). */
export const scopeService = () => currentScope()?.service ?? 'unknown';
