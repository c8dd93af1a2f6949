import type { SubjectRequestPartRow, SubjectRequestRow } from './subject-request.repository';
import type { DataSubjectRequestType } from './subject-request.type';

export function toSubjectRequestTypes(requests: SubjectRequestRow[], parts: SubjectRequestPartRow[]): DataSubjectRequestType[] {
  return requests.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    kind: r.kind,
    status: r.status,
    requestedAt: r.requestedAt,
    completedAt: r.completedAt,
    accessDocument: r.accessDocument,
    parts: parts
      .filter((p) => p.requestId === r.id)
      .map((p) => ({ subgraph: p.subgraph, status: p.status, reason: p.reason, attempts: p.attempts, updatedAt: p.updatedAt, nextAttemptAt: p.nextAttemptAt })),
  }));
}
