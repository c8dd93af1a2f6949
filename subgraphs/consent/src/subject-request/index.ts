import type { DataSource } from 'typeorm';
import type { ApolloServerPlugin } from '@apollo/server';
import { SubjectDataResolver, type PeerClient, type SubgraphName } from '@c360/shared';
import { ConsentSubjectDataRepository } from '../subject-data/subject-data.repository';
import { ConsentMergeRepository } from '../subject-data/consent-merge.repository';
import { ConsentSubjectData } from '../subject-data/subject-data.service';
import { WebhookDeliveryRepository } from '../webhooks/webhook-delivery.repository';
import { SubjectRequestRetryTimer } from './retry-timer';
import { localParticipant, peerParticipant } from './subject-data-participants';
import { SubjectRequestRepository } from './subject-request.repository';
import { SubjectRequestResolver } from './subject-request.resolver';
import { SubjectRequestRunner } from './subject-request.runner';
import { SubjectRequestService } from './subject-request.service';
import { readSubjectRequestSettings, type SubjectRequestSettings } from './subject-request.settings';

const PEERS: SubgraphName[] = ['customers', 'transactions', 'offers'];

export interface SubjectRequestOptions {
  peers: PeerClient;
  settings?: SubjectRequestSettings;
  log?: (line: string) => void;
}

/**
 * Data-subject requests, wired for one data source: the public resolver, this subgraph's own
 * privacy contract, and a plugin that resumes unfinished requests when the server starts and
 * stops the retry timer (waiting for attempts in flight) when it stops.
 */
export function createSubjectRequests(subgraph: string, dataSource: DataSource, options: SubjectRequestOptions) {
  const settings = options.settings ?? readSubjectRequestSettings();
  const repository = new SubjectRequestRepository(dataSource);
  const ownData = new ConsentSubjectData(new ConsentSubjectDataRepository(dataSource), repository, new ConsentMergeRepository(dataSource), new WebhookDeliveryRepository(dataSource));
  const participants = [...PEERS.map((peer) => peerParticipant(options.peers, peer, settings.peerTimeoutMs)), localParticipant(subgraph, ownData)];
  const runner = new SubjectRequestRunner(repository, participants, settings, options.log ?? ((line) => process.stdout.write(`${line}\n`)));
  const retries = new SubjectRequestRetryTimer(runner, repository);
  const plugin: ApolloServerPlugin<any> = { // eslint-disable-line @typescript-eslint/no-explicit-any
    async serverWillStart() {
      // Schema tooling builds the app without a database: nothing to resume then.
      if (dataSource.isInitialized) await retries.resumeUnfinished(settings.retryBaseMs);
      return { serverWillStop: () => retries.stop() };
    },
  };
  return {
    resolvers: [new SubjectRequestResolver(new SubjectRequestService(repository, runner, retries)), new SubjectDataResolver(subgraph, ownData)],
    plugin,
  };
}
