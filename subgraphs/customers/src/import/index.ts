import type { CountryCode } from 'libphonenumber-js';
import type { DataSource } from 'typeorm';
import { ImportJobRepository, ImportJobResolver, importJobQuery, ImportRunner, importRoutes, type HttpRoutes, type ImportKind, type ImportRunnerSettings } from '@c360/shared';
import { customerImportKind } from './customer-import.kind';
import type { ErasedExternalIds } from './customer-import.rules';
import { interactionImportKind } from './interaction-import.kind';

export type { ErasedExternalIds } from './customer-import.rules';

export interface CustomersImportDeps {
  /** PHONE_DEFAULT_REGION: national numbers are read in it, as the mutations read them. */
  phoneRegion: CountryCode;
  /** The erasure tombstones of external ids (CustomerSubjectDataRepository). */
  erased: ErasedExternalIds;
  /** Once after an import that wrote something (segments re-evaluated), never per row. */
  afterImport(): Promise<void>;
}

export interface CustomersImport {
  kinds: ImportKind[];
  jobs: ImportJobRepository;
  runner: ImportRunner;
  /** `customerImportJob(id)` and `ImportJob.badRows`. */
  resolvers: object[];
  routes(subgraph: string, callerSigningKey: string): HttpRoutes;
}

/** The import room of this subgraph: its kinds (customers, interactions), its job table, the endpoint and `customerImportJob`. */
export function createCustomersImport(dataSource: DataSource, deps: CustomersImportDeps, settings?: ImportRunnerSettings): CustomersImport {
  const kinds = [customerImportKind(deps.phoneRegion, deps.erased, deps.afterImport), interactionImportKind(deps.afterImport)];
  const jobs = new ImportJobRepository(dataSource, 'customers');
  const runner = new ImportRunner(dataSource, jobs, settings);
  return {
    kinds,
    jobs,
    runner,
    resolvers: [new (importJobQuery('customerImportJob'))(jobs), new ImportJobResolver(jobs)],
    routes: (subgraph, callerSigningKey) => importRoutes({ subgraph, callerSigningKey, kinds, runner, jobs }),
  };
}
