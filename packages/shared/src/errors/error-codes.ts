/** Stable codes clients can branch on; they appear as `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  /** The customer's data was erased: nothing new is accepted for them. */
  SUBJECT_ERASED = 'SUBJECT_ERASED',
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  /** Whether the caller may see a customer (or a field) could not be decided: nothing is released, visibly. */
  DECISION_UNAVAILABLE = 'DECISION_UNAVAILABLE',
  /** The gateway refused an operation whose estimated cost is above its limit. */
  OPERATION_TOO_COSTLY = 'OPERATION_TOO_COSTLY',
  /** The caller spent its daily privacy budget (epsilon) for aggregates of one subgraph; extensions carry resetsAt. */
  PRIVACY_BUDGET_EXHAUSTED = 'PRIVACY_BUDGET_EXHAUSTED',
  /** A PARTNER or BI token sent an operation that is not on its kind's safelist of trusted documents. */
  OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED',
  /** The client sent more requests than its rate limit allows (HTTP 429 with Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
