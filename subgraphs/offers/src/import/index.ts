import type { DataSource } from 'typeorm';
import { createImportRoom, type ImportRoom, type ImportRunnerSettings, type PeerClient } from '@c360/shared';
import { peerResponseImportChecks, type ResponseImportPeers } from './response-import.peers';
import { responseImportKind } from './response-import.kind';

export { responseImportKind } from './response-import.kind';
export type { RedemptionClaim, ResponseImportPeers } from './response-import.peers';

/** `offerResponseImportJob(id)` reads this subgraph's jobs. */
export type OffersImport = ImportRoom;

/** The import room of this subgraph: its kind (offer-responses), its job table, the endpoint and `offerResponseImportJob`. */
export function createOffersImport(dataSource: DataSource, peers: ResponseImportPeers | PeerClient, settings?: Partial<ImportRunnerSettings>): OffersImport {
  const checks = 'customerStatuses' in peers ? peers : peerResponseImportChecks(peers);
  const kinds = [responseImportKind(checks)];
  return createImportRoom(dataSource, { schema: 'offers', jobField: 'offerResponseImportJob', kinds, settings });
}
