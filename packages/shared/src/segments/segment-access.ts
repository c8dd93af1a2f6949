import { CallerKind, type Caller } from '../context/caller';
import { badInput, DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** Segment membership is profiling: partners, self-service and BI callers never read, write or evaluate segments. */
const NO_SEGMENTS = new Set([CallerKind.PARTNER, CallerKind.CUSTOMER, CallerKind.BI]);

/** Conditions one peer evaluates per call (a rule has at most 50 nodes). */
export const MAX_CONDITIONS_PER_CALL = 50;

export function assertMayUseSegments(caller: Caller): void {
  if (NO_SEGMENTS.has(caller.kind)) throw new DomainError(ErrorCode.FORBIDDEN, `A ${caller.kind} caller cannot use segments: membership is profiling`, { callerKind: caller.kind });
}

/** What every subgraph's internal segment-condition query checks before evaluating. */
export function assertMayEvaluateConditions(caller: Caller, conditions: readonly unknown[]): void {
  assertMayUseSegments(caller);
  if (conditions.length > MAX_CONDITIONS_PER_CALL) throw badInput(`at most ${MAX_CONDITIONS_PER_CALL} conditions per call`);
}
