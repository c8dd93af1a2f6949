import { readFileSync } from 'node:fs';
import { cpuMs } from './proc-stats';

/** The process a PostgreSQL backend was forked by: the postmaster, parent of parallel workers too. */
export function parentPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

const LEADER = /parallel worker for PID (\d+)/;

/**
 * Parallel workers live for one query and are not backends of ours in pg_stat_activity, so
 * per-backend accounting misses them. While a round runs, the postmaster's children are listed
 * every few ms; a worker counts when its title names one of our backends as leader, with the
 * last CPU time seen (a lower bound: up to one interval per worker is missed).
 */
export function watchParallelWorkers(postmasterPid: number, leaders: Set<number>, everyMs = 4): { stop(): number } {
  const leaderOf = new Map<number, number>();
  const lastCpu = new Map<number, number>();
  const sample = () => {
    let children: string[];
    try {
      children = readFileSync(`/proc/${postmasterPid}/task/${postmasterPid}/children`, 'utf8').trim().split(' ');
    } catch {
      return;
    }
    for (const child of children) {
      const pid = Number(child);
      try {
        if (!leaderOf.has(pid)) leaderOf.set(pid, Number(LEADER.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 0));
        if (leaders.has(leaderOf.get(pid)!)) lastCpu.set(pid, cpuMs(pid));
      } catch {
        // ended between listing and reading
      }
    }
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let sum = 0;
      for (const ms of lastCpu.values()) sum += ms;
      return sum;
    },
  };
}
