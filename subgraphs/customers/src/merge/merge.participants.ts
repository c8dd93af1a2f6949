import {
  CallerKind,
  DomainError,
  MERGE_SUBJECT_DATA_MUTATION,
  SUBJECT_DATA_SCOPE,
  UNMERGE_SUBJECT_DATA_MUTATION,
  type Caller,
  type MergeCount,
  type PeerClient,
  type SubgraphName,
} from '@c360/shared';

/** Who a merge is when it calls a subgraph's privacy contract: a service caller with privacy:admin only. */
export const MERGE_CALLER: Caller = { clientId: 'customers:merges', kind: CallerKind.INTERNAL_APP, scopes: [SUBJECT_DATA_SCOPE], purpose: 'SERVICE' };

/** The subgraphs holding data about a customer besides this one, in the order a merge visits them. */
export const MERGE_PEERS: SubgraphName[] = ['transactions', 'offers', 'consent'];

/** One subgraph's step of a merge, reached through its @inaccessible privacy contract (never its tables). */
export interface MergeParticipant {
  subgraph: string;
  merge(mergeId: string, survivorId: string, mergedId: string): Promise<MergeCount[]>;
  unmerge(mergeId: string): Promise<MergeCount[]>;
}

export function peerMergeParticipant(peers: PeerClient, subgraph: SubgraphName, timeoutMs: number): MergeParticipant {
  return {
    subgraph,
    async merge(mergeId, survivorId, mergedId) {
      const data = await peers.query<{ mergeSubjectData: { counts: MergeCount[] } }>(subgraph, MERGE_CALLER, MERGE_SUBJECT_DATA_MUTATION, { mergeId, survivorId, mergedId }, { timeoutMs });
      return data.mergeSubjectData.counts;
    },
    async unmerge(mergeId) {
      const data = await peers.query<{ unmergeSubjectData: { counts: MergeCount[] } }>(subgraph, MERGE_CALLER, UNMERGE_SUBJECT_DATA_MUTATION, { mergeId }, { timeoutMs });
      return data.unmergeSubjectData.counts;
    },
  };
}

/** A reason safe to store and show: peers already mask their internal errors; ours are masked here. */
export function mergeFailureReason(subgraph: string, error: unknown): string {
  if (error instanceof DomainError || (error as Error)?.name === 'PeerUnavailableError') return `${subgraph}: ${(error as Error).message}`;
  process.stderr.write(`[customers] merge step in ${subgraph} failed: ${(error as Error)?.stack ?? String(error)}\n`);
  return `${subgraph}: Internal error`;
}
