import { Authorized, type AuthChecker } from 'type-graphql';
import { hasScope } from '../context/caller';
import type { SubgraphContext } from '../context/subgraph-context';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** Declares the OAuth scope a field or mutation needs; without it the caller gets FORBIDDEN for that field only. */
export const RequiresScope = (scope: string) => Authorized(scope);

export const scopeAuthChecker: AuthChecker<SubgraphContext> = ({ context, info }, scopes) => {
  const missing = scopes.filter((scope) => !hasScope(context.caller, scope));
  if (missing.length === 0) return true;
  throw new DomainError(ErrorCode.FORBIDDEN, `${info.parentType.name}.${info.fieldName} requires the ${missing.join(', ')} scope`, { scopes: missing });
};

/** For operations several roles may run (e.g. consent:read or privacy:admin): FORBIDDEN unless the caller holds one. */
export function assertAnyScope(caller: SubgraphContext['caller'], scopes: readonly string[], operation: string): void {
  if (scopes.some((scope) => hasScope(caller, scope))) return;
  throw new DomainError(ErrorCode.FORBIDDEN, `${operation} requires one of the ${scopes.join(', ')} scopes`, { scopes: [...scopes] });
}
