import {
  CallerKind,
  DomainError,
  ERASE_SUBJECT_DATA_MUTATION,
  SUBJECT_DATA_EXPORT_QUERY,
  SUBJECT_DATA_SCOPE,
  type Caller,
  type ErasureCount,
  type PeerClient,
  type SubgraphName,
  type SubjectDataHandler,
} from '@c360/shared';

/** Who the orchestrator is when it calls a subgraph's privacy contract: a service caller with privacy:admin only. */
export const SUBJECT_REQUEST_CALLER: Caller = {
  clientId: 'consent:subject-requests',
  kind: CallerKind.INTERNAL_APP,
  scopes: [SUBJECT_DATA_SCOPE],
  purpose: 'SERVICE',
};

/** One subgraph's side of a data-subject request. */
export interface SubjectDataParticipant {
  subgraph: string;
  exportSubject(customerId: string): Promise<Record<string, unknown>>;
  eraseSubject(customerId: string, requestId: string): Promise<ErasureCount[]>;
}

/** A peer subgraph, reached through its @inaccessible privacy contract (never its tables). */
export function peerParticipant(peers: PeerClient, subgraph: SubgraphName, timeoutMs: number): SubjectDataParticipant {
  return {
    subgraph,
    async exportSubject(customerId) {
      const data = await peers.query<{ subjectDataExport: { data: Record<string, unknown> } }>(subgraph, SUBJECT_REQUEST_CALLER, SUBJECT_DATA_EXPORT_QUERY, { customerId }, { timeoutMs });
      return data.subjectDataExport.data;
    },
    async eraseSubject(customerId, requestId) {
      const data = await peers.query<{ eraseSubjectData: { counts: ErasureCount[] } }>(subgraph, SUBJECT_REQUEST_CALLER, ERASE_SUBJECT_DATA_MUTATION, { customerId, requestId }, { timeoutMs });
      return data.eraseSubjectData.counts;
    },
  };
}

/** This subgraph's own share, run in process (the same handler its contract resolver serves). */
export const localParticipant = (subgraph: string, handler: SubjectDataHandler): SubjectDataParticipant => ({
  subgraph,
  exportSubject: (customerId) => handler.exportSubject(customerId),
  eraseSubject: (customerId, requestId) => handler.eraseSubject(customerId, requestId),
});

/** A reason safe to store and show: peers already mask their internal errors; ours are masked here. */
export function failureReason(error: unknown): string {
  if (error instanceof DomainError || (error as Error)?.name === 'PeerUnavailableError') return (error as Error).message;
  process.stderr.write(`[consent] data-subject request part failed: ${(error as Error)?.stack ?? String(error)}\n`);
  return 'Internal error';
}
