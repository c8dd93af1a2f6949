import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKeepAliveFetch } from '@c360/shared';

interface Reply {
  status: number;
  body: string;
}

describe('createKeepAliveFetch', () => {
  let server: Server;
  let url: string;
  let connections = 0;
  const seen: { method?: string; caller?: string | string[]; body: string }[] = [];
  let reply: Reply | 'never' = { status: 200, body: '{"data":{"ok":true}}' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, caller: req.headers['x-c360-caller'], body });
        if (reply === 'never') return; // hold the request open
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetch = createKeepAliveFetch();
  const post = (timeoutMs = 1000) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-c360-caller': 'signed' }, body: '{"query":"{ ok }"}', timeoutMs });

  it('sends method, headers and body, and exposes status, headers and the JSON body', async () => {
    reply = { status: 200, body: '{"data":{"ok":true}}' };
    const response = await post();
    expect(response.ok).toBe(true);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(seen.at(-1)).toEqual({ method: 'POST', caller: 'signed', body: '{"query":"{ ok }"}' });
  });

  it('reports a refusal as a non-ok response with its body', async () => {
    reply = { status: 401, body: '{"errors":[{"message":"no"}]}' };
    const response = await post();
    expect([response.ok, response.status]).toEqual([false, 401]);
    expect(await response.text()).toBe('{"errors":[{"message":"no"}]}');
  });

  it('reuses one keep-alive connection for sequential calls', async () => {
    reply = { status: 200, body: '{"data":{}}' };
    const before = connections;
    for (let i = 0; i < 10; i++) await post();
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('gives up after the timeout with a TimeoutError', async () => {
    reply = 'never';
    const started = Date.now();
    await expect(post(200)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails fast when nothing listens', async () => {
    await expect(fetch('http://127.0.0.1:9/graphql', { method: 'POST', headers: {}, body: '{}', timeoutMs: 1000 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
