import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { openTestStorage } from '@c360/shared/testing';

const DIST = join(__dirname, '..', '..');

/** The built entry point of a service (or of npm start: 'platform'), as containers run it. */
export function entryPoint(service: string): string {
  if (service === 'gateway') return join(DIST, 'gateway', 'src', 'main.js');
  if (service === 'platform') return join(DIST, 'scripts', 'start-all.js');
  return join(DIST, 'subgraphs', service, 'src', 'main.js');
}

export interface ServiceProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout (rejects if the process exits first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** Starts an entry point as a child process with exactly the given environment on top of PATH. */
export function startService(service: string, env: Record<string, string>, options: { args?: string[]; nodeArgs?: string[] } = {}): ServiceProcess {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entryPoint(service), ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const listener of listeners) listener();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => `${stdout}\n${stderr}`,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(match);
          }
        };
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`)), timeoutMs);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`exited (${code}) before ${pattern}:\n${stdout}\n${stderr}`));
        });
        listeners.add(check);
        check();
      });
    },
  };
}

/** For a service process: on PostgreSQL, this Jest worker's own database with `schemas` dropped (as in-process tests get); else embedded PGlite. */
export async function databaseFor(schemas: string[]): Promise<Record<string, string>> {
  const storage = await openTestStorage(schemas);
  await storage.close();
  return storage.kind === 'postgres' ? { DATABASE_URL: storage.url } : {};
}
