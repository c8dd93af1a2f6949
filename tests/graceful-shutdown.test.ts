import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallerKind, CALLER_HEADER, signCallerToken } from '@c360/shared';
import { databaseFor, startService } from './support/service-process';
import { createTestTokenIssuer, TEST_AUDIENCE, TEST_ISSUER } from './support/test-tokens';

const SIGNING_KEY = 'graceful-shutdown-signing-key-0123456789';
const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
const PURPOSES = JSON.stringify({ query: 'query Purposes { purposes { code } }' });

/** A stand-in consent subgraph that answers each request after `delayMs` (never, when null). */
async function slowSubgraph(delayMs: number | null): Promise<{ url: string; received: Promise<void>; server: Server }> {
  let arrived!: () => void;
  const received = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req, res) => {
    req.resume();
    arrived();
    if (delayMs === null) return;
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"purposes":[{"code":"SERVICE"}]}}'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, received, server };
}

async function productionGateway(subgraphUrl: string, extra: Record<string, string> = {}) {
  const tokens = await createTestTokenIssuer();
  const jwksPath = join(mkdtempSync(join(tmpdir(), 'c360-jwks-')), 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify({ keys: [tokens.publicJwk] }));
  const gateway = startService('gateway', {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    SUPERGRAPH_PATH: SUPERGRAPH,
    CALLER_SIGNING_KEY: SIGNING_KEY,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_PATH: jwksPath,
    CUSTOMERS_URL: subgraphUrl,
    TRANSACTIONS_URL: subgraphUrl,
    OFFERS_URL: subgraphUrl,
    CONSENT_URL: subgraphUrl,
    ...extra,
  });
  const [, url] = await gateway.waitFor(/graph at (http:\/\/[^\s"]+)/);
  return { gateway, url, headers: { 'content-type': 'application/json', ...(await tokens.headers(CallerKind.INTERNAL_APP)) } };
}

// Service processes start (and migrate) on a shared, loaded machine: give them time.
jest.setTimeout(240_000);

describe('graceful shutdown', () => {
  it('gateway: SIGTERM during a request lets it finish with 200, refuses new connections, exits 0', async () => {
    const subgraph = await slowSubgraph(1_500);
    const { gateway, url, headers } = await productionGateway(subgraph.url);
    try {
      const inFlight = fetch(url, { method: 'POST', headers, body: PURPOSES });
      await subgraph.received; // the request is inside the gateway, waiting on the subgraph
      gateway.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(fetch(url.replace(/graphql$/, 'health'))).rejects.toThrow(); // no longer accepting

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { purposes: [{ code: 'SERVICE' }] } });
      expect(await gateway.exited).toBe(0);
      expect(gateway.output()).toContain('SIGTERM received');
    } finally {
      gateway.child.kill('SIGKILL');
      subgraph.server.closeAllConnections();
      subgraph.server.close();
    }
  });

  it('gateway: a request that never finishes does not hold shutdown past SHUTDOWN_DRAIN_MS', async () => {
    const subgraph = await slowSubgraph(null);
    const { gateway, url, headers } = await productionGateway(subgraph.url, { SHUTDOWN_DRAIN_MS: '500', SUBGRAPH_TIMEOUT_MS: '60000' });
    try {
      const inFlight = fetch(url, { method: 'POST', headers, body: PURPOSES }).then(
        (r) => r.status,
        () => 'cut',
      );
      await subgraph.received;
      const signalled = Date.now();
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(5_000);
      expect(await inFlight).toBe('cut');
    } finally {
      gateway.child.kill('SIGKILL');
      subgraph.server.closeAllConnections();
      subgraph.server.close();
    }
  });

  it('subgraph: SIGTERM while a request body is still arriving lets it finish with 200, then exits 0', async () => {
    // On the engine the suite runs on: a real connection pool to close when DATABASE_URL is set.
    const database = await databaseFor(['consent']);
    const consent = startService('consent', { NODE_ENV: 'production', CONSENT_PORT: '0', HOST: '127.0.0.1', CALLER_SIGNING_KEY: SIGNING_KEY, ...database });
    try {
      const [, url] = await consent.waitFor(/ready at (http:\/\/\S+)/);
      const token = signCallerToken(SIGNING_KEY, { clientId: 'shutdown-test', kind: CallerKind.INTERNAL_APP, scopes: ['consent:read'], purpose: 'SERVICE' }, 'consent');
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(PURPOSES), [CALLER_HEADER]: token } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.write(PURPOSES.slice(0, 10));
        setTimeout(() => req.end(PURPOSES.slice(10)), 1_000); // the rest arrives after SIGTERM
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      consent.child.kill('SIGTERM');

      const { status, body } = await answer;
      expect(status).toBe(200);
      expect(JSON.parse(body).data.purposes.length).toBeGreaterThan(0);
      expect(await consent.exited).toBe(0);
      expect(consent.output()).not.toContain('demo data loaded'); // production seeds nothing unless asked
    } finally {
      consent.child.kill('SIGKILL');
    }
  });
});
