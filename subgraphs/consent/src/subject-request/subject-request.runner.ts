import { detachedFromRequest, type ErasureCount } from '@c360/shared';
import { DataSubjectRequestKind, DataSubjectRequestStatus } from './subject-request.enums';
import type { SubjectRequestPartRow, SubjectRequestRepository, SubjectRequestRow } from './subject-request.repository';
import { retryDelay, type SubjectRequestSettings } from './subject-request.settings';
import { failureReason, type SubjectDataParticipant } from './subject-data-participants';

/**
 * The lease of an attempt, the one place it is set: a part still RUNNING this long after it was
 * claimed was left behind by a stopped process; it is due, and is claimed again, then.
 */
export const ABANDONED_AFTER_MS = 5 * 60_000;

export const ACCESS_DOCUMENT_FORMAT = 'c360.subject-access/v1';

export interface AttemptOutcome {
  /** When the next automatic retry is due; null when none is. */
  nextAttemptAt: Date | null;
}

/**
 * Runs one attempt of a request: every part not DONE, in parallel, each through its
 * subgraph's privacy contract. Parts that fail get a reason and a retry time (bounded backoff);
 * the request is DONE only when every part is.
 */
export class SubjectRequestRunner {
  private readonly running = new Map<string, Promise<AttemptOutcome>>();

  constructor(
    private readonly repository: SubjectRequestRepository,
    private readonly participants: readonly SubjectDataParticipant[],
    private readonly settings: SubjectRequestSettings,
    private readonly log: (line: string) => void,
  ) {}

  get subgraphs(): string[] {
    return this.participants.map((p) => p.subgraph);
  }

  /** One attempt at a time per request in this process; the database claim guards across processes. */
  attempt(requestId: string, options: { newRound?: boolean } = {}): Promise<AttemptOutcome> {
    const current = this.running.get(requestId);
    if (current) return current;
    // Shared with whoever asks next (the retry timer, another request): a caller going away must not cancel it.
    const run = detachedFromRequest(() => this.run(requestId, options.newRound ?? false)).finally(() => this.running.delete(requestId));
    this.running.set(requestId, run);
    return run;
  }

  /** Resolves when every attempt in flight has finished (for a clean stop). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async run(requestId: string, newRound: boolean): Promise<AttemptOutcome> {
    const [request] = await this.repository.find([requestId]);
    if (!request || request.status === DataSubjectRequestStatus.DONE) return { nextAttemptAt: null };
    const claimed = await this.repository.claim(requestId, new Date(), ABANDONED_AFTER_MS, newRound);
    await Promise.all(claimed.map((part) => this.runPart(request, part)));
    return this.settle(request);
  }

  private async runPart(request: SubjectRequestRow, part: SubjectRequestPartRow): Promise<void> {
    const participant = this.participants.find((p) => p.subgraph === part.subgraph);
    try {
      if (!participant) throw new Error(`no participant for subgraph ${part.subgraph}`);
      const result =
        request.kind === DataSubjectRequestKind.ACCESS ? await participant.exportSubject(request.customerId) : { counts: await participant.eraseSubject(request.customerId, request.id) };
      await this.repository.partDone(request.id, part.subgraph, result, new Date());
    } catch (error) {
      const now = new Date();
      const delay = retryDelay(this.settings, part.roundAttempts);
      await this.repository.partFailed(request.id, part.subgraph, failureReason(error), delay === null ? null : new Date(now.getTime() + delay), now);
    }
  }

  private async settle(request: SubjectRequestRow): Promise<AttemptOutcome> {
    const parts = await this.repository.parts([request.id]);
    if (parts.every((p) => p.status === DataSubjectRequestStatus.DONE)) {
      const now = new Date();
      const document = request.kind === DataSubjectRequestKind.ACCESS ? accessDocument(request, parts, now) : null;
      // Another replica may have completed it meanwhile; then its outcome stands, and is logged there.
      const completed = await this.repository.complete(request, document, now);
      if (completed && request.kind === DataSubjectRequestKind.ERASURE) this.log(`[consent] erasure ${request.id} completed at ${now.toISOString()}: ${describeCounts(parts)}`);
      return { nextAttemptAt: null };
    }
    if (parts.some((p) => p.status === DataSubjectRequestStatus.FAILED)) await this.repository.setStatus(request.id, DataSubjectRequestStatus.FAILED);
    // A part still RUNNING here is another process's attempt, or one that died with its process:
    // it is due again when its lease runs out, so it is taken over if it has not finished by then.
    const due = parts
      .map((p) => (p.status === DataSubjectRequestStatus.RUNNING ? p.updatedAt.getTime() + ABANDONED_AFTER_MS : p.nextAttemptAt?.getTime()))
      .filter((t): t is number => t !== undefined);
    return { nextAttemptAt: due.length ? new Date(Math.min(...due)) : null };
  }
}

/** The portable document: every subgraph's export, under one envelope. */
function accessDocument(request: SubjectRequestRow, parts: SubjectRequestPartRow[], generatedAt: Date): Record<string, unknown> {
  return {
    format: ACCESS_DOCUMENT_FORMAT,
    containsPersonalData: true,
    requestId: request.id,
    customerId: request.customerId,
    requestedAt: request.requestedAt.toISOString(),
    generatedAt: generatedAt.toISOString(),
    subgraphs: Object.fromEntries(parts.map((p) => [p.subgraph, p.result])),
  };
}

/** Counts only: table, action, rows; never a value. */
function describeCounts(parts: SubjectRequestPartRow[]): string {
  return parts
    .flatMap((p) => ((p.result as { counts?: ErasureCount[] } | null)?.counts ?? []).map((c) => `${c.table} ${c.action} ${c.rows}`))
    .join(', ');
}
