import type { DataSource } from 'typeorm';
import { createImportRoom, type ImportRoom, type ImportRunnerSettings, type PeerClient } from '@c360/shared';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import type { KnownCustomers } from './known-customers';
import { peerKnownCustomers } from './known-customers';
import { orderImportKind } from './order-import.kind';
import { productImportKind } from './product-import.kind';
import { stockLevelImportKind } from './stock-level-import.kind';
import { stockMovementImportKind } from './stock-movement-import.kind';

export { orderImportKind } from './order-import.kind';
export { productImportKind } from './product-import.kind';
export { stockLevelImportKind } from './stock-level-import.kind';
export { stockMovementImportKind } from './stock-movement-import.kind';
export type { KnownCustomers } from './known-customers';

/** `importJob(id)` reads this subgraph's jobs. */
export type TransactionsImport = ImportRoom;

/** The import room of this subgraph: its kinds (orders, products, stock levels, stock movements), its job table, the endpoint and `importJob`. */
export function createTransactionsImport(dataSource: DataSource, known: KnownCustomers | PeerClient, afterImport: () => Promise<void>, settings?: Partial<ImportRunnerSettings>): TransactionsImport {
  const customers = 'unknownAmong' in known ? known : peerKnownCustomers(known);
  // Orders first: callers that open one kind take kinds[0].
  const kinds = [orderImportKind(customers, afterImport), productImportKind(new CatalogueRepository(dataSource)), stockLevelImportKind(), stockMovementImportKind()];
  return createImportRoom(dataSource, { schema: 'transactions', jobField: 'importJob', kinds, settings });
}
