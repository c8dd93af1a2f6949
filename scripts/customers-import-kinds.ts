import { openServiceDataSource, type Storage } from '@c360/shared';
import { customersSubgraph } from '../subgraphs/customers/src';
import { readPhoneRegion } from '../subgraphs/customers/src/customer/phone-number';
import { createCustomersImport } from '../subgraphs/customers/src/import';
import { CustomerSubjectDataRepository } from '../subgraphs/customers/src/subject-data/subject-data.repository';
import type { OpenedImport, OpenImportOptions } from './import-kinds';

/**
 * The customers subgraph's kinds opened on its own schema. Segments are not re-evaluated here (that
 * asks the other subgraphs, which a CLI does not reach): the running service's refresh picks the
 * imported customers up within the segment maximum age.
 */
export async function openCustomersImport(kindName: 'customers' | 'interactions', storage: Storage, options: OpenImportOptions = {}): Promise<OpenedImport> {
  const customers = await openServiceDataSource(storage, { service: 'customers', ...customersSubgraph.storage });
  const imports = createCustomersImport(
    customers,
    { phoneRegion: readPhoneRegion(), erased: new CustomerSubjectDataRepository(customers), afterImport: async () => undefined, afterInteractions: async () => undefined },
    options.batchRows ? { batchRows: options.batchRows } : undefined,
  );
  return {
    kind: imports.kinds.find((k) => k.name === kindName)!,
    runner: imports.runner,
    jobs: imports.jobs,
    dataSource: customers,
    close: () => customers.destroy(),
  };
}
