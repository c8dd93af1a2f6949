import type { DataSource } from 'typeorm';
import { openServiceDataSource, type ImportKind, type ImportJobRepository, type ImportRunner, type Storage } from '@c360/shared';
import { customersSubgraph } from '../subgraphs/customers/src';
import { CustomerRepository } from '../subgraphs/customers/src/customer/customer.repository';
import { transactionsSubgraph } from '../subgraphs/transactions/src';
import { createTransactionsImport } from '../subgraphs/transactions/src/import';
import { createValueService } from '../subgraphs/transactions/src/value-analysis';
import { readValueSettings } from '../subgraphs/transactions/src/value/value.settings';

/** An import kind opened straight on storage, for the CLI and the benchmark (composition code, like scripts/platform). */
export interface OpenedImport {
  kind: ImportKind;
  runner: ImportRunner;
  jobs: ImportJobRepository;
  dataSource: DataSource;
  close(): Promise<void>;
}

export const IMPORT_KINDS = ['orders', 'products', 'stock-levels'] as const;

export interface OpenImportOptions {
  batchRows?: number;
  /** The bench measures the import itself; the refresh is timed separately in the job. */
  refreshAfterImport?: boolean;
}

/** Opens the owning subgraph's storage (migrated) and the customers schema (orders check their customers with one set-wise lookup per batch). */
export async function openImport(kindName: string, storage: Storage, options: OpenImportOptions = {}): Promise<OpenedImport> {
  if (!(IMPORT_KINDS as readonly string[]).includes(kindName)) throw new Error(`unknown import kind "${kindName}" (known: ${IMPORT_KINDS.join(', ')})`);
  const customers = await openServiceDataSource(storage, { service: 'customers', ...customersSubgraph.storage });
  const transactions = await openServiceDataSource(storage, { service: 'transactions', ...transactionsSubgraph.storage });
  const directory = new CustomerRepository(customers);
  const values = createValueService(transactions, readValueSettings());
  const refresh = options.refreshAfterImport === false ? async () => undefined : async () => void (await values.refreshAll());
  const imports = createTransactionsImport(transactions, { unknownAmong: async (ids) => {
    const known = new Set(await directory.existingIds(ids));
    return ids.filter((id) => !known.has(id));
  } }, refresh, options.batchRows ? { batchRows: options.batchRows } : undefined);
  return {
    kind: imports.kinds.find((k) => k.name === kindName)!,
    runner: imports.runner,
    jobs: imports.jobs,
    dataSource: transactions,
    async close() {
      await transactions.destroy();
      await customers.destroy();
    },
  };
}
