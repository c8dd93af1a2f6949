/** Postgres SQLSTATE checks that work for both pg and PGlite errors (TypeORM copies `code` onto QueryFailedError). */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === '23503';
export const isCheckViolation = (error: unknown) => sqlState(error) === '23514';
/** PostgreSQL chose this transaction as a deadlock's victim: it was rolled back and may run again. */
export const isDeadlock = (error: unknown) => sqlState(error) === '40P01';

/** The constraint (or unique index) a violation names, for pg and PGlite errors alike. */
export function violatedConstraint(error: unknown): string | undefined {
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const name = e?.constraint ?? e?.driverError?.constraint;
  return typeof name === 'string' ? name : undefined;
}

/** SQLSTATEs and socket errors that say the database is unreachable or dropped us, not that a statement was wrong. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** What pg says when a connection ends under it (these errors carry no code). */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed)/;

/** The database could not be reached (down, restarting, our connection terminated): worth a retry, never the caller's fault. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = sqlState(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const e = error as { message?: unknown; driverError?: { message?: unknown } };
  return [e?.message, e?.driverError?.message].some((message) => typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message));
}
