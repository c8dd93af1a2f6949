import { fork, type ChildProcess } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '@c360/shared/service/runtime-flags';

/**
 * The benchmark runs each server in its own child process, so CPU time and peak memory can
 * be read per process from /proc. Children announce readiness and answer small commands over IPC.
 */
export interface Ready {
  type: 'ready';
  urls: Record<string, string>;
}

interface Command {
  type: 'command';
  id: number;
  name: string;
}

/** Child side: say we are up, answer named commands. */
export function announceReady(urls: Record<string, string>, commands: Record<string, () => unknown> = {}): void {
  process.on('message', (message: Command) => {
    if (message?.type !== 'command') return;
    const known = Object.hasOwn(commands, message.name);
    process.send?.({ type: 'reply', id: message.id, value: known ? commands[message.name]() : undefined, error: known ? undefined : `unknown command ${message.name}` });
  });
  // The parent going away (crash, Ctrl-C) takes the server with it.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', urls } satisfies Ready);
}

export function failStartup(error: Error): never {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
}

export interface ServerProcess {
  name: string;
  pid: number;
  urls: Record<string, string>;
  command<T>(name: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Every server runs with production's V8 flags (SERVER_NODE_FLAGS). Profiling aid, off unless asked:
 * with BENCH_CPU_PROF_DIR set, each server writes a V8 CPU profile (`<name>.cpuprofile`) into that
 * directory when it stops. Only the servers are profiled, not the load generator.
 */
function serverArgs(name: string, nodeFlags: readonly string[]): string[] {
  const args = [...process.execArgv, ...nodeFlags];
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return dir ? [...args, '--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] : args;
}

/** Parent side: forks a server script and waits until it reports its URLs. */
export function startServerProcess(name: string, script: string, env: Record<string, string>, nodeFlags: readonly string[] = SERVER_NODE_FLAGS, startupTimeoutMs = 120_000): Promise<ServerProcess> {
  const child: ChildProcess = fork(script, [], { env: { ...process.env, ...env }, execArgv: serverArgs(name, nodeFlags), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  const pending = new Map<number, (reply: { value: unknown; error?: string }) => void>();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${startupTimeoutMs} ms`)), startupTimeoutMs);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} during startup`)));
    child.on('message', (message: Ready | { type: 'reply'; id: number; value: unknown; error?: string }) => {
      if (message.type === 'reply') {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
        return;
      }
      clearTimeout(timer);
      resolve({
        name,
        pid: child.pid!,
        urls: message.urls,
        command: <T>(command: string) =>
          new Promise<T>((ok, fail) => {
            const id = nextId++;
            pending.set(id, (reply) => (reply.error ? fail(new Error(reply.error)) : ok(reply.value as T)));
            child.send({ type: 'command', id, name: command } satisfies Command);
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
