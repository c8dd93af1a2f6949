import type { DataSource } from 'typeorm';
import { openServiceDataSource, type ImportKind, type ImportJobRepository, type ImportRunner, type Storage } from '@c360/shared';
import { customersSubgraph } from '../subgraphs/customers/src';
import { CustomerRepository } from '../subgraphs/customers/src/customer/customer.repository';
import { CustomerExistenceService } from '../subgraphs/customers/src/existence/customer-existence.service';
import { CustomerSubjectDataRepository } from '../subgraphs/customers/src/subject-data/subject-data.repository';
import { MergeRepository } from '../subgraphs/customers/src/merge/merge.repository';
import { offersSubgraph } from '../subgraphs/offers/src';
import { createOffersImport } from '../subgraphs/offers/src/import';
import { transactionsSubgraph } from '../subgraphs/transactions/src';
import { createTransactionsImport } from '../subgraphs/transactions/src/import';
import { OrderRepository } from '../subgraphs/transactions/src/order/order.repository';
import { RedemptionOrderService } from '../subgraphs/transactions/src/redemption/redemption-order.service';
import { openCustomersImport } from './customers-import-kinds';
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

export const IMPORT_KINDS = ['orders', 'products', 'stock-levels', 'stock-movements', 'offer-responses', 'customers', 'interactions'] as const;

export interface OpenImportOptions {
  batchRows?: number;
  /** The bench measures the import itself; the refresh is timed separately in the job. */
  refreshAfterImport?: boolean;
}

/** The root field that reads a kind's jobs (each importing subgraph names its own). */
export const JOB_FIELDS: Record<(typeof IMPORT_KINDS)[number], string> = {
  orders: 'importJob',
  products: 'importJob',
  'stock-levels': 'importJob',
  'stock-movements': 'importJob',
  'offer-responses': 'offerResponseImportJob',
  customers: 'customerImportJob',
  interactions: 'customerImportJob',
};

/** Opens the owning subgraph's storage (migrated) and, where the kind checks customers, the customers schema for one set-wise lookup per batch. */
export async function openImport(kindName: string, storage: Storage, options: OpenImportOptions = {}): Promise<OpenedImport> {
  if (kindName === 'offer-responses') return openResponseImport(storage, options);
  if (kindName === 'customers' || kindName === 'interactions') return openCustomersImport(kindName, storage, options);
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

/** Offer responses: customers and redemption orders are checked by the owners' own services on their schemas, one call each per batch. */
async function openResponseImport(storage: Storage, options: OpenImportOptions): Promise<OpenedImport> {
  const customers = await openServiceDataSource(storage, { service: 'customers', ...customersSubgraph.storage });
  const transactions = await openServiceDataSource(storage, { service: 'transactions', ...transactionsSubgraph.storage });
  const offers = await openServiceDataSource(storage, { service: 'offers', ...offersSubgraph.storage });
  const existence = new CustomerExistenceService(new CustomerRepository(customers), new CustomerSubjectDataRepository(customers), new MergeRepository(customers));
  const redemptions = new RedemptionOrderService(new OrderRepository(transactions));
  const imports = createOffersImport(
    offers,
    { customerStatuses: (ids) => existence.of(ids), redemptionOrders: (claims) => redemptions.judge(claims) },
    options.batchRows ? { batchRows: options.batchRows } : undefined,
  );
  return {
    kind: imports.kinds[0],
    runner: imports.runner,
    jobs: imports.jobs,
    dataSource: offers,
    async close() {
      await offers.destroy();
      await transactions.destroy();
      await customers.destroy();
    },
  };
}
