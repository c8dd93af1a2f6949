import { CallerKind, type Caller } from '../../context/caller';
import { DomainError } from '../../errors/domain-error';
import { ErrorCode } from '../../errors/error-codes';

/**
 * Exact group sizes (a segment's member count) go only to staff, who may list the same members
 * row by row; every other caller reads sizes through the release policy (customerCounts(groupBy: SEGMENT)).
 */
export function assertMayReadExactSize(caller: Caller, field: string): void {
  if (caller.kind === CallerKind.INTERNAL_APP) return;
  throw new DomainError(ErrorCode.FORBIDDEN, `${field} is released to staff only; aggregates for other callers go through customerCounts (analytics:read)`, { rule: 'AGGREGATE_RELEASE_POLICY' });
}
