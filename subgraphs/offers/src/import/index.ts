import type { DataSource } from 'typeorm';
import { ImportJobRepository, ImportJobResolver, importJobQuery, ImportRunner, importRoutes, type HttpRoutes, type ImportKind, type ImportRunnerSettings, type PeerClient } from '@c360/shared';
import { peerResponseImportChecks, type ResponseImportPeers } from './response-import.peers';
import { responseImportKind } from './response-import.kind';

export { responseImportKind } from './response-import.kind';
export type { RedemptionClaim, ResponseImportPeers } from './response-import.peers';

export interface OffersImport {
  kinds: ImportKind[];
  jobs: ImportJobRepository;
  runner: ImportRunner;
  /** `offerResponseImportJob(id)` and `ImportJob.badRows`. */
  resolvers: object[];
  routes(subgraph: string, callerSigningKey: string): HttpRoutes;
}

/** The import room of this subgraph: its kind (offer-responses), its job table, the endpoint and `offerResponseImportJob`. */
export function createOffersImport(dataSource: DataSource, peers: ResponseImportPeers | PeerClient, settings?: ImportRunnerSettings): OffersImport {
  const checks = 'customerStatuses' in peers ? peers : peerResponseImportChecks(peers);
  const kinds = [responseImportKind(checks)];
  const jobs = new ImportJobRepository(dataSource, 'offers');
  const runner = new ImportRunner(dataSource, jobs, settings);
  return {
    kinds,
    jobs,
    runner,
    resolvers: [new (importJobQuery('offerResponseImportJob'))(jobs), new ImportJobResolver(jobs)],
    routes: (subgraph, callerSigningKey) => importRoutes({ subgraph, callerSigningKey, kinds, runner, jobs }),
  };
}
