/** Stable codes clients can branch on; they appear as `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  /** The gateway refused an operation whose estimated cost is above its limit. */
  OPERATION_TOO_COSTLY = 'OPERATION_TOO_COSTLY',
  /** A PARTNER or BI token sent an operation that is not on its kind's safelist of trusted documents. */
  OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED',
  /** The client sent more requests than its rate limit allows (HTTP 429 with Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
