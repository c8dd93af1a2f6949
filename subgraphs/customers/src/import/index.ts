import type { CountryCode } from 'libphonenumber-js';
import type { DataSource } from 'typeorm';
import { createImportRoom, type ImportRoom, type ImportRunnerSettings } from '@c360/shared';
import { customerImportKind } from './customer-import.kind';
import type { ErasedExternalIds } from './customer-import.rules';
import { interactionImportKind, type InteractionsImported } from './interaction-import.kind';

export type { ErasedExternalIds } from './customer-import.rules';

export interface CustomersImportDeps {
  /** PHONE_DEFAULT_REGION: national numbers are read in it, as the mutations read them. */
  phoneRegion: CountryCode;
  /** The erasure tombstones of external ids (CustomerSubjectDataRepository). */
  erased: ErasedExternalIds;
  /** Once after a customer import that wrote something (segments re-evaluated), never per row. */
  afterImport(): Promise<void>;
  /** Once after an interaction import that wrote something: the customers concerned, set-wise. */
  afterInteractions: InteractionsImported;
}

/** `customerImportJob(id)` reads this subgraph's jobs. */
export type CustomersImport = ImportRoom;

/** The import room of this subgraph: its kinds (customers, interactions), its job table, the endpoint and `customerImportJob`. */
export function createCustomersImport(dataSource: DataSource, deps: CustomersImportDeps, settings?: Partial<ImportRunnerSettings>): CustomersImport {
  const kinds = [customerImportKind(deps.phoneRegion, deps.erased, deps.afterImport), interactionImportKind(deps.afterInteractions)];
  return createImportRoom(dataSource, { schema: 'customers', jobField: 'customerImportJob', kinds, settings });
}
