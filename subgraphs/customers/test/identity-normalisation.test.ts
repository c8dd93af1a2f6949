import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id email phone } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id email phone } }`;

type Created = { createCustomer: { id: string; email: string | null; phone: string | null } };

/** Issue 11 section 3: the same person sent by two systems is one customer. */
describe(`identities are normalised on the way in on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
  });
  afterAll(() => harness.close());

  const create = (input: Record<string, unknown>) => harness.execute<Created, { input: Record<string, unknown> }>(CREATE, { input: { givenName: 'Norma', acquisitionChannel: 'STORE', ...input } });

  it('stores phone numbers in E.164, read in the default region when national', async () => {
    const national = await create({ email: 'norma.national@example.com', phone: '020 7946 0958' });
    expect(national.errors).toBeUndefined();
    expect(national.data!.createCustomer.phone).toBe('+442079460958');
    const formatted = await create({ email: 'norma.formatted@example.com', phone: '+44 (0)20 7946 0959' });
    expect(formatted.data!.createCustomer.phone).toBe('+442079460959');
  });

  it('refuses a number that cannot be a phone number, naming the field only', async () => {
    const r = await create({ email: 'norma.short@example.com', phone: '1234 5' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    expect(JSON.stringify(r)).not.toContain('1234 5');
  });

  it('treats A@x.com and a@x.com as one address: the second customer is a CONFLICT on email, and nothing is written', async () => {
    const first = await create({ email: 'Case.Folded@Example.com' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.createCustomer.email).toBe('case.folded@example.com');
    const second = await create({ email: 'case.folded@example.COM', externalIds: [{ system: 'erp', id: 'N-2' }] });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email', reason: 'EMAIL_TAKEN' });
    const [{ n }]: { n: number }[] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM customers.customer WHERE lower(email) = 'case.folded@example.com'`);
    expect(n).toBe(1);
    const [{ ids }]: { ids: number }[] = await harness.dataSource.query(`SELECT count(*)::int AS ids FROM customers.external_identity WHERE external_id = 'N-2'`);
    expect(ids).toBe(0);
  });

  it('refuses moving another customer onto a taken address by update, whatever its case', async () => {
    const other = await create({ email: 'other.one@example.com' });
    const r = await harness.execute(UPDATE, { id: other.data!.createCustomer.id, input: { email: 'NORMA.NATIONAL@example.com' } } as never);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });
});
