import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CallerKind, type Caller } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { customersSubgraph } from '../src';
import { createCustomersImport } from '../src/import';
import { CustomerSubjectDataRepository } from '../src/subject-data/subject-data.repository';

const erp: Caller = { clientId: 'erp-erasure-race', kind: CallerKind.ERP_INTEGRATION, scopes: ['customers:write'], purpose: 'SERVICE' };

/**
 * A customer import reads the erasure tombstones of its lines before its batch's transaction (the
 * tombstone is keyed, so it is hashed in JavaScript). An erasure that commits after that read and
 * before the batch takes the customer gate must still stop the batch from re-creating the person.
 */
describe(`a customer import racing an erasure on ${storageLabel()}`, () => {
  let harness: SubgraphHarness;
  let subjectData: CustomerSubjectDataRepository;

  beforeAll(async () => {
    harness = await startSubgraphHarness(customersSubgraph);
    subjectData = new CustomerSubjectDataRepository(harness.dataSource);
  });
  afterAll(() => harness.close());

  it('refuses a line whose external id was erased after the batch read the tombstones, and creates nobody for it', async () => {
    const system = `erp-${randomUUID().slice(0, 8)}`;
    const tag = randomUUID().slice(0, 8);
    const row = { externalId: `R-${tag}`, acquisitionChannel: 'STORE', givenName: 'Rae', familyName: `Race-${tag}`, email: `rae.${tag}@example.com` };
    const plain = createCustomersImport(harness.dataSource, { phoneRegion: 'GB', erased: subjectData, afterImport: async () => undefined, afterInteractions: async () => undefined });
    await plain.runner.run({ kind: plain.kinds[0], caller: erp, source: Readable.from([`${JSON.stringify(row)}\n`]), format: 'ndjson', sourceSystem: system });
    const [{ customer_id: id }] = await harness.dataSource.query(`SELECT customer_id FROM customers.external_identity WHERE system = $1 AND external_id = $2`, [system, row.externalId]);

    // The batch's tombstone read answers as it would have just before the erasure committed.
    let erasedMeanwhile = false;
    const erased = {
      erasedAmong: async (ids: readonly { system: string; id: string }[]) => {
        const answer = await subjectData.erasedAmong(ids);
        if (!erasedMeanwhile) {
          await subjectData.erase(id, new Date());
          erasedMeanwhile = true;
        }
        return answer;
      },
      identityHashes: (ids: readonly { system: string; id: string }[]) => subjectData.identityHashes(ids),
    };
    const racing = createCustomersImport(harness.dataSource, { phoneRegion: 'GB', erased, afterImport: async () => undefined, afterInteractions: async () => undefined });
    const job = await racing.runner.run({ kind: racing.kinds[0], caller: erp, source: Readable.from([`${JSON.stringify(row)}\n`]), format: 'ndjson', sourceSystem: system });

    expect(erasedMeanwhile).toBe(true);
    expect(job.counts).toMatchObject({ read: 1, inserted: 0, rejected: 1 });
    expect(await racing.jobs.badRows(job.id, 10)).toEqual([{ lineNo: 1, field: 'externalId', reason: 'belongs to an erased customer' }]);
    const held = await harness.dataSource.query(`SELECT 1 FROM customers.external_identity WHERE system = $1 AND external_id = $2`, [system, row.externalId]);
    expect(held).toHaveLength(0);
    const sameEmail = await harness.dataSource.query(`SELECT 1 FROM customers.customer WHERE lower(email) = lower($1)`, [row.email]);
    expect(sameEmail).toHaveLength(0);
  });
});
