import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (100 on almost every Linux). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** Peak resident memory of a process (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

/** A group of processes whose CPU is summed, e.g. the PostgreSQL backends serving the benchmark. */
export interface ProcessGroup {
  name: string;
  pids(): Promise<number[]>;
  /** Short-lived helpers (PostgreSQL parallel workers) watched during a round; stop() gives their CPU ms. */
  watch?(): Promise<{ stop(): number }>;
}

export async function groupCpuMs(group: ProcessGroup): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const pid of await group.pids()) {
    try {
      out.set(pid, cpuMs(pid));
    } catch {
      // a backend that ended between listing and reading
    }
  }
  return out;
}

/** CPU used by a group between two snapshots; processes born in between count from zero. */
export function groupCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
