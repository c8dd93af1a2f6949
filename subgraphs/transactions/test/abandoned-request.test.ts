import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CALLER_HEADER, closeServer, createKeepAliveFetch, listen, noPeers, openServiceDataSource, signCallerToken, type Storage, type SubgraphApp } from '@c360/shared';
import { allowAllDecider, internalCaller, openTestStorage, RecordingDisclosureRecorder, TEST_SIGNING_KEY } from '@c360/shared/testing';
import { transactionsSubgraph } from '../src';
import { erpCaller, newProduct } from './erp-fixtures';
import { orderInput, RECORD } from './fixtures';

// PGlite is one embedded connection without a cancel request: an abandoned request's statements run to their end there.
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

const UPSERT = `mutation($inputs: [ProductUpsertInput!]!) { upsertProducts(inputs: $inputs) { created } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

onPostgres('transactions: database work of a request the gateway gave up on (PostgreSQL only: PGlite cannot cancel)', () => {
  let storage: Storage;
  let dataSource: DataSource;
  let app: SubgraphApp;
  let url: string;
  let locker: Client;
  // Outside any transaction: pg_stat_activity is read once per transaction, so the locker cannot watch.
  let observer: Client;
  // The gateway's own subgraph fetch: at its timeout it destroys the socket, which is what the subgraph sees.
  const gatewayFetch = createKeepAliveFetch();
  const post = (query: string, variables: Record<string, unknown>, timeoutMs = 10_000, caller = internalCaller()) =>
    gatewayFetch(url, {
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerToken(TEST_SIGNING_KEY, caller, 'transactions') },
      body: JSON.stringify({ query, variables }),
      timeoutMs,
    });

  /** Backends of this subgraph waiting for a lock: the request's statement while the row is held. */
  const waitingStatements = async (): Promise<number> => {
    const { rows } = await observer.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'c360-transactions' AND wait_event_type = 'Lock' AND datname = current_database()`);
    return rows[0].n as number;
  };
  const until = async (condition: () => Promise<boolean>, withinMs: number): Promise<number> => {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
      await sleep(20);
    }
    return Date.now() - started;
  };
  const jobState = async (id: string): Promise<string> => (await dataSource.query('SELECT state FROM transactions.value_refresh_job WHERE id = $1', [id]))[0]?.state;
  const ordersWith = async (externalId: string): Promise<number> => {
    const [row] = await dataSource.query('SELECT count(*)::int AS n FROM transactions.customer_order WHERE external_id = $1', [externalId]);
    return row.n as number;
  };

  beforeAll(async () => {
    storage = await openTestStorage(['transactions']);
    dataSource = await openServiceDataSource(storage, { service: transactionsSubgraph.name, ...transactionsSubgraph.storage });
    app = await transactionsSubgraph.createApp(dataSource, {
      callerSigningKey: TEST_SIGNING_KEY,
      production: false,
      privacy: { consentDecider: allowAllDecider, disclosureRecorder: new RecordingDisclosureRecorder() },
      peers: noPeers,
      trustFeeds: true,
    });
    url = await listen(app.http, 0);
    const connectionString = storage.kind === 'postgres' ? storage.url : '';
    locker = new Client({ connectionString });
    observer = new Client({ connectionString });
    await Promise.all([locker.connect(), observer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([locker.end(), observer.end()]);
    await closeServer(app.http);
    await app.apollo.stop();
    await dataSource.destroy();
    await storage.close();
  });

  /** A product whose row another session holds: recording an order for it writes the header, then waits on the row. */
  async function heldProduct(): Promise<string> {
    const product = newProduct();
    const created = JSON.parse(await (await post(UPSERT, { inputs: [product] }, 10_000, erpCaller())).text());
    expect(created.data).toEqual({ upsertProducts: { created: 1 } });
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM transactions.product WHERE sku = $1 FOR UPDATE', [product.sku]);
    return product.sku;
  }

  it('cancels the waiting statement about a second after the gateway gives up, and writes nothing', async () => {
    const sku = await heldProduct();
    const input = orderInput({ lines: [{ sku, quantity: 1 }] });
    const answer = post(RECORD, { input }, 2_000).catch((error: Error) => error);
    await until(async () => (await waitingStatements()) === 1, 1_500);

    expect(await answer).toMatchObject({ name: 'TimeoutError' });
    const goneAfterMs = await until(async () => (await waitingStatements()) === 0, 1_500);
    await locker.query('ROLLBACK');
    await sleep(300); // had it only been left waiting, it would commit now that the row is free

    // About a second: a few hundred ms on an idle machine, with slack for a loaded CI runner.
    expect(goneAfterMs).toBeLessThan(1_500);
    expect(await ordersWith(input.externalId)).toBe(0);
  });

  it('lets a request whose caller still waits finish its write once the row is free', async () => {
    const sku = await heldProduct();
    const input = orderInput({ externalId: `T-${randomUUID()}`, lines: [{ sku, quantity: 1 }] });
    const answer = post(RECORD, { input });
    await until(async () => (await waitingStatements()) === 1, 5_000);
    await locker.query('ROLLBACK');

    const body = JSON.parse(await (await answer).text());
    expect(body.errors).toBeUndefined();
    expect(await ordersWith(input.externalId)).toBe(1);
  });

  it('lets a value refresh job the abandoned request started run to its end', async () => {
    const sku = await heldProduct();
    // The full refresh's lock (customer-value.repository.ts) held too: the job is still waiting when the gateway gives up.
    await locker.query('SELECT pg_advisory_xact_lock(1732300011, 0)');
    const admin = internalCaller({ scopes: [...internalCaller().scopes, 'privacy:admin'] });
    const input = orderInput({ lines: [{ sku, quantity: 1 }] });
    const answer = post(`mutation($input: RecordOrderInput!) { refreshCustomerValues { id } recordOrder(input: $input) { id } }`, { input }, 2_000, admin).catch((error: Error) => error);
    await until(async () => (await waitingStatements()) === 2, 1_500); // the job's refresh and the order's write
    const [{ id }] = await dataSource.query(`SELECT id FROM transactions.value_refresh_job WHERE state = 'RUNNING'`);

    expect(await answer).toMatchObject({ name: 'TimeoutError' });
    await until(async () => (await waitingStatements()) === 1, 1_500); // the order's write is cancelled, the job waits on
    await locker.query('ROLLBACK');
    await until(async () => (await jobState(id)) !== 'RUNNING', 10_000);

    expect(await jobState(id)).toBe('DONE');
    expect(await ordersWith(input.externalId)).toBe(0);
  });
});
