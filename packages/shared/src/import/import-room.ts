import type { DataSource } from 'typeorm';
import type { HttpRoutes } from '../http/graphql-http';
import { importRoutes } from './import-endpoint';
import { ImportJobRepository } from './import-job.repository';
import { ImportJobResolver, importJobQuery } from './import-job.resolver';
import type { ImportKind } from './import-kind';
import { ImportRunner, type ImportRunnerSettings } from './import-runner';

/** What a subgraph that imports wires in: its kinds, its job table and runner, the job root field and the HTTP endpoint. */
export interface ImportRoom {
  kinds: ImportKind[];
  jobs: ImportJobRepository;
  runner: ImportRunner;
  /** The subgraph's job root field (`jobField(id)`) and `ImportJob.badRows`, for its resolver container. */
  resolvers: object[];
  routes(subgraph: string, callerSigningKey: string): HttpRoutes;
}

export interface ImportRoomOptions {
  /** The subgraph's schema, where its import_job and import_bad_row tables live. */
  schema: string;
  /** The subgraph's own root field for its jobs (federation routes a root field to one subgraph). */
  jobField: string;
  kinds: ImportKind[];
  settings?: Partial<ImportRunnerSettings>;
}

/** One subgraph's import room: the same machine for every importing subgraph, with its own kinds and jobs. */
export function createImportRoom(dataSource: DataSource, options: ImportRoomOptions): ImportRoom {
  const { kinds } = options;
  const jobs = new ImportJobRepository(
    dataSource,
    options.schema,
    kinds.flatMap((k) => k.jobTables ?? []),
  );
  const runner = new ImportRunner(dataSource, jobs, options.settings);
  return {
    kinds,
    jobs,
    runner,
    resolvers: [new (importJobQuery(options.jobField))(jobs), new ImportJobResolver(jobs)],
    routes: (subgraph, callerSigningKey) => importRoutes({ subgraph, callerSigningKey, kinds, runner, jobs }),
  };
}
