import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from './support/service-process';

const RECORDER = join(__dirname, 'support', 'record-connections.js');
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

interface Attempt {
  kind: string;
  destination: { host?: string; port?: number; path?: string };
}

function attempts(file: string): Attempt[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Attempt);
}

// Service processes start (and migrate) on a shared, loaded machine: give them time.
jest.setTimeout(240_000);

describe('no phoning home', () => {
  it('npm start (gateway and four subgraphs) connects to nothing outside loopback while starting, serving /ready and stopping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-outbound-'));
    const log = join(dir, 'connections.jsonl');
    // An APOLLO_KEY in the environment must not turn reporting on either.
    const env: Record<string, string> = { CONNECTIONS_LOG: log, PORT: '0', AUTH_DEV_KEYS_DIR: join(dir, 'keys'), APOLLO_KEY: 'service:c360:not-a-real-key', APOLLO_GRAPH_REF: 'c360@current' };
    for (const prefix of ['CUSTOMERS', 'TRANSACTIONS', 'OFFERS', 'CONSENT']) env[`${prefix}_PORT`] = '0';
    const platform = startService('platform', env, { args: ['--memory', '--no-demo'], nodeArgs: ['--require', RECORDER] });
    try {
      const [, url] = await platform.waitFor(/gateway ready at (http:\/\/[^\s"]+)/, 240_000);
      const ready = await fetch(url.replace(/graphql$/, 'ready'));
      expect(ready.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // start-up probes run in the background
      platform.child.kill('SIGTERM');
      expect(await platform.exited).toBe(0);

      const seen = attempts(log);
      expect(seen.filter((a) => a.kind === 'connect').length).toBeGreaterThan(0); // the recorder works: /ready asked the subgraphs
      const outside = seen.filter((a) => !a.destination.path && !LOOPBACK.has(a.destination.host ?? ''));
      expect(outside).toEqual([]);
    } finally {
      platform.child.kill('SIGKILL');
    }
  });
});
