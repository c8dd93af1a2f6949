import { randomUUID } from 'node:crypto';
import { closeCustomerGate } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { CustomerSubjectDataRepository } from '../src/subject-data/subject-data.repository';

/** Two transactions at once need two connections: PGlite has one, so the in-flight case runs on PostgreSQL. */
const onPostgres = process.env.DATABASE_URL ? it : it.skip;
const CREATE = `mutation C($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;

/**
 * createCustomer checks the erasure tombstones early, outside its transaction. An erasure of the person
 * holding its external id that commits between that check and the insert frees the id: the insert must
 * still not re-create the erased person under it.
 */
describe(`createCustomer racing an erasure on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let subjectData: CustomerSubjectDataRepository;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
    subjectData = new CustomerSubjectDataRepository(harness.dataSource);
  });
  afterAll(() => harness.close());

  onPostgres('a creation that starts while the erasure step runs waits for it, then is refused SUBJECT_ERASED', async () => {
    const externalId = { system: 'erp', id: `race-${randomUUID()}` };
    const first = await harness.execute<{ createCustomer: { id: string } }>(CREATE, { input: { givenName: 'Erin', acquisitionChannel: 'STORE', externalIds: [externalId] } } as never);
    expect(first.errors).toBeUndefined();
    // The erasure step's work, on its own connection and held open: the gate, the identity tombstone, the id freed.
    const runner = harness.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await closeCustomerGate((sql, params) => runner.query(sql, params), 'customers');
    const [hash] = await subjectData.identityHashes([externalId]);
    await runner.query(`INSERT INTO customers.erased_identity (identity_hash, erased_at) VALUES ($1, now())`, [hash]);
    await runner.query(`DELETE FROM customers.external_identity WHERE system = $1 AND external_id = $2`, [externalId.system, externalId.id]);
    // The early check passes (nothing committed yet); the creation then meets the erasure in flight.
    const creating = harness.execute<{ createCustomer: { id: string } }>(CREATE, { input: { givenName: 'Copy', acquisitionChannel: 'WEB', externalIds: [externalId] } } as never);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await runner.commitTransaction();
    await runner.release();
    const second = await creating;
    expect(second.errors?.map((e) => e.extensions?.code)).toEqual(['SUBJECT_ERASED']);
    const held = await harness.dataSource.query(`SELECT 1 FROM customers.external_identity WHERE system = $1 AND external_id = $2`, [externalId.system, externalId.id]);
    expect(held).toHaveLength(0);
  });
});
