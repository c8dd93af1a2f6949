import autocannon from 'autocannon';
import { groupCpuDelta, groupCpuMs, type ProcessGroup } from '../measure/proc-stats';
import { requestBody, type Target, type Workload } from './graphql-target';

export interface LoadSettings {
  durationSeconds: number;
  connections: number;
  /** Requests per second over all connections; unset = as fast as the target answers (saturation). */
  rate?: number;
}

export interface RoundResult {
  target: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; mean: number };
  /** CPU milliseconds per completed request, per measured process group. */
  cpuMsPerRequest: Record<string, number>;
  /** Responses that were not HTTP 200 with exactly the reference body, plus socket errors and timeouts. */
  failures: number;
  firstFailure?: string;
}

/** Loads one target for a fixed time; every response is compared with the reference body. */
export async function loadRound(target: Target, workload: Workload, reference: string, settings: LoadSettings, groups: ProcessGroup[]): Promise<RoundResult> {
  let failures = 0;
  let firstFailure: string | undefined;
  const before = await Promise.all(groups.map(groupCpuMs));
  const watches = await Promise.all(groups.map((g) => g.watch?.()));
  const result = await autocannon({
    url: target.url,
    connections: settings.connections,
    ...(settings.rate ? { overallRate: settings.rate } : {}),
    duration: settings.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: new URL(target.url).pathname,
        headers: { 'content-type': 'application/json', ...target.headers },
        body: requestBody(workload),
        onResponse: (status, body) => {
          if (status === 200 && body === reference) return;
          failures++;
          firstFailure ??= `HTTP ${status}: ${String(body).slice(0, 300)}`;
        },
      },
    ],
  });
  const after = await Promise.all(groups.map(groupCpuMs));
  const watched = watches.map((w) => w?.stop() ?? 0);
  const requests = result.requests.total;
  const cpuMsPerRequest: Record<string, number> = {};
  groups.forEach((group, i) => (cpuMsPerRequest[group.name] = requests ? (groupCpuDelta(before[i], after[i]) + watched[i]) / requests : NaN));
  const socketFailures = result.errors + result.timeouts;
  if (socketFailures && !firstFailure) firstFailure = `${result.errors} socket errors, ${result.timeouts} timeouts`;
  return {
    target: target.name,
    requests,
    requestsPerSecond: requests / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean },
    cpuMsPerRequest,
    failures: failures + socketFailures,
    firstFailure,
  };
}
