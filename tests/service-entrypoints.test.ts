import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SUBGRAPHS } from '../scripts/subgraphs';

const DIST = join(__dirname, '..');
const entryOf = (name: string) => (name === 'gateway' ? join(DIST, 'gateway', 'src', 'main.js') : join(DIST, 'subgraphs', name, 'src', 'main.js'));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(entry: string, env: Record<string, string>, untilReady?: (stdout: string) => boolean): Promise<Exit & { url?: string }> {
  return new Promise((resolve) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [entry], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let url: string | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(stdout);
      if (untilReady && match && !url) {
        url = match[1];
        void fetch(url.replace(/\/graphql$/, '/health')).then(async (res) => {
          stdout += `\nhealth ${res.status} ${await res.text()}`;
          child.kill('SIGTERM');
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr, url }));
  });
}

describe('service entry points', () => {
  it.each([...SUBGRAPHS.map((s) => [s.name, `${s.envPrefix}_PORT`]), ['gateway', 'PORT']])(
    '%s refuses to start with bad configuration and lists every problem',
    async (name, portVariable) => {
      const result = await run(entryOf(name), { [portVariable]: 'not-a-port', CALLER_SIGNING_KEY: 'short', NODE_ENV: 'staging' });
      expect(result.code).toBe(78);
      expect(result.stderr).toContain(`${portVariable} must be a port number`);
      expect(result.stderr).toContain('CALLER_SIGNING_KEY must be at least 32 characters');
      expect(result.stderr).toContain('NODE_ENV must be one of');
    },
  );

  it("validates a subgraph's own settings at boot with the rest", async () => {
    const transactions = SUBGRAPHS.find((s) => s.name === 'transactions')!;
    const result = await run(entryOf(transactions.name), { CALLER_SIGNING_KEY: 'short', BI_MIN_GROUP_SIZE: '1', TRANSACTIONS_VALUE_WINDOW_DAYS: 'a year' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('CALLER_SIGNING_KEY must be at least 32 characters');
    expect(result.stderr).toContain('BI_MIN_GROUP_SIZE');
    expect(result.stderr).toContain('TRANSACTIONS_VALUE_WINDOW_DAYS');
    expect(result.stderr).not.toContain('    at '); // a list of problems, not a stack trace
  });

  it('rejects a DATABASE_URL that is not PostgreSQL', async () => {
    const result = await run(entryOf(SUBGRAPHS[0].name), { CALLER_SIGNING_KEY: 'k'.repeat(32), DATABASE_URL: 'mysql://localhost/app' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('DATABASE_URL must use postgres or postgresql');
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s.envPrefix]))('%s starts alone from environment variables, answers /health and stops on SIGTERM', async (name, prefix) => {
    const result = await run(entryOf(name), { [`${prefix}_PORT`]: '0', HOST: '127.0.0.1', CALLER_SIGNING_KEY: 'k'.repeat(32), DEMO_DATA: 'false' }, () => true);
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(result.stdout).toContain('health 200 {"status":"ok"}');
    expect(result.code).toBe(0);
  }, 180_000); // a child process that runs PGlite's initdb (seconds of WASM) on a loaded CI machine
});
