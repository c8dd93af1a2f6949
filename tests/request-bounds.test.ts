import { connect } from 'node:net';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { createGraphQLHttpServer, createServiceDataSource, listen, closeServer, openStorage } from '@c360/shared';

/** Sends `head`, then one byte of `dribble` every `everyMs`; resolves with what the server answered and when. */
function dribble(port: number, head: string, dribble: string, everyMs: number): Promise<{ answer: string; afterMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let i = 0;
    const timer = setInterval(() => {
      if (i < dribble.length && !socket.destroyed) socket.write(dribble[i++]);
    }, everyMs);
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, afterMs: Date.now() - started });
    });
    socket.write(head);
  });
}

describe('request bounds', () => {
  let server: Server;
  let apollo: ApolloServer;
  let port: number;

  beforeAll(async () => {
    apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
    await apollo.start();
    server = createGraphQLHttpServer({ apollo, context: async () => ({}), service: 'request-bounds-test', requestTimeoutMs: 500 });
    port = Number(new URL(await listen(server, 0)).port);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await closeServer(server);
    await apollo.stop();
  });

  it('cuts a request body dribbled slower than the bound with 408', async () => {
    const body = JSON.stringify({ query: '{ ok }' });
    const { answer, afterMs } = await dribble(port, `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`, body, 200);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(afterMs).toBeLessThan(2_500);
  });

  it('cuts headers dribbled slower than the bound', async () => {
    const { answer, afterMs } = await dribble(port, 'POST /graphql HTTP/1.1\r\n', 'host: x\r\ncontent-type: application/json\r\nx-slow: aaaaaaaaaaaaaaaaaaaaa\r\n\r\n', 200);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(afterMs).toBeLessThan(2_500);
  });

  it('still answers a request sent at once', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
    expect(await response.json()).toEqual({ data: { ok: true } });
  });
});

describe('statement timeout', () => {
  it(process.env.DATABASE_URL ? 'cancels a statement running past the bound on PostgreSQL' : 'is ignored by PGlite (in-process, no statement_timeout)', async () => {
    const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL || undefined, statementTimeoutMs: 300 });
    const dataSource = createServiceDataSource(storage, { service: 'bounds-test', schema: 'public', entities: [], migrations: [] });
    await dataSource.initialize();
    try {
      const started = Date.now();
      const sleep = dataSource.query('SELECT pg_sleep(1.5)');
      if (storage.kind === 'postgres') {
        await expect(sleep).rejects.toMatchObject({ driverError: { code: '57014' } });
        expect(Date.now() - started).toBeLessThan(1_400);
      } else {
        await expect(sleep).resolves.toBeDefined();
      }
    } finally {
      await dataSource.destroy();
      await storage.close();
    }
  });
});
