import { currentScope, runInScope } from '../observability/request-scope';

/** The signal of the request this code runs for: aborted when its caller went away before the answer (see RequestScope.signal). */
export const currentRequestSignal = (): AbortSignal | undefined => currentScope()?.signal;

/** Work that must outlive the request that started it (a background job): no request's abort reaches its statements. */
export function detachedFromRequest<T>(work: () => T): T {
  const scope = currentScope();
  return scope?.signal ? runInScope({ ...scope, signal: undefined }, work) : work();
}
