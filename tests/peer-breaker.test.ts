import { createServer, type Server } from 'node:http';
import { CallerKind, PeerDirectory, PeerUnavailableError, breakingPeerClient, httpPeerClient, listen, closeServer, type Caller } from '@c360/shared';

const caller: Caller = { clientId: 'breaker-test', kind: CallerKind.INTERNAL_APP, scopes: [], purpose: 'SERVICE' };

/** A consent subgraph stand-in: hangs (never answers) until told to answer again. */
describe('peer calls behind a circuit breaker', () => {
  let server: Server;
  let hung = true;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      if (hung) return; // never answers: the worst kind of dependency fault
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}');
    });
    const url = await listen(server, 0);
    directory.set('consent', url);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await closeServer(server);
  });

  const directory = new PeerDirectory();
  const peers = breakingPeerClient(httpPeerClient(directory, 'k'.repeat(32)), { callTimeoutMs: 300, resetAfterMs: 800 });
  const timed = async () => {
    const started = Date.now();
    const outcome = await peers.query('consent', caller, '{ ok }').then(
      (data) => ({ data }),
      (error: unknown) => ({ error }),
    );
    return { ...outcome, ms: Date.now() - started };
  };

  it('fails closed within the call bound, then at once while the circuit is open, then recovers by itself', async () => {
    const first = await Promise.all([timed(), timed(), timed()]);
    for (const call of first) {
      expect((call as { error?: unknown }).error).toBeInstanceOf(PeerUnavailableError);
      expect(call.ms).toBeLessThan(700);
    }
    const open = await timed();
    expect((open as { error?: Error }).error?.message).toMatch(/circuit open/);
    expect(open.ms).toBeLessThan(50);

    hung = false;
    await new Promise((resolve) => setTimeout(resolve, 900));
    const recovered = await timed();
    expect((recovered as { data?: unknown }).data).toEqual({ ok: true });
    expect((await timed() as { data?: unknown }).data).toEqual({ ok: true });
  });

  it('lets a long job name its own, longer timeout', async () => {
    hung = false;
    const data = await peers.query('consent', caller, '{ ok }', {}, { timeoutMs: 5_000 });
    expect(data).toEqual({ ok: true });
  });
});
