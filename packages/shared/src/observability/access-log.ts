import { serviceLogger } from './logger';
import { errorsByCode, operationLabel, requestDuration } from './metrics';
import type { RequestScope } from './request-scope';

/** One access line and the request metrics, when the response has gone (or the caller went away). */
export function recordAccess(scope: RequestScope, status: number, seconds: number): void {
  const { access } = scope;
  const operation = operationLabel(access.operation);
  const errorCodes = [...access.errorCodes];
  requestDuration.observe({ service: scope.service, operation, status: String(status) }, seconds);
  for (const code of errorCodes) errorsByCode.inc({ service: scope.service, code });
  serviceLogger(scope.service).info(
    {
      kind: 'access',
      requestId: scope.requestId,
      traceId: scope.traceId,
      clientId: access.clientId,
      callerKind: access.callerKind,
      operation,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      errorCodes,
    },
    'request',
  );
}
