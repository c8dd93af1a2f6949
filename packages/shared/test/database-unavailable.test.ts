import { createServer, type Server } from 'node:net';
import { Client } from 'pg';
import { isDatabaseUnavailable, isUniqueViolation } from '../src/storage/pg-errors';

/** What the pg driver really throws when it cannot reach the database, or loses it mid-conversation. */
async function driverError(port: number): Promise<unknown> {
  const client = new Client({ host: '127.0.0.1', port, user: 'nobody', database: 'nothing', connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  return client.connect().then(
    () => new Error('connected?'),
    (error: unknown) => error,
  );
}

describe('database unavailable (a retryable outage, not a bug or a client mistake)', () => {
  let hangingUp: Server;
  let hangUpPort: number;

  beforeAll(async () => {
    // Accepts, then hangs up at once: what a terminated backend looks like to the driver.
    hangingUp = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => hangingUp.listen(0, '127.0.0.1', resolve));
    hangUpPort = (hangingUp.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => hangingUp.close(resolve)));

  it('recognises a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(isDatabaseUnavailable(await driverError(port))).toBe(true);
  });

  it('recognises a connection the server ended', async () => {
    const error = await driverError(hangUpPort);
    expect((error as Error).message).toMatch(/Connection terminated/);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('recognises SQLSTATE admin shutdown (pg_terminate_backend), wrapped by TypeORM or not', () => {
    expect(isDatabaseUnavailable({ code: '57P01' })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: '57P01' } })).toBe(true);
  });

  it('leaves statement errors alone: they are bugs or conflicts, not outages', () => {
    const duplicate = { code: '23505' };
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable({ code: '42601' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});
