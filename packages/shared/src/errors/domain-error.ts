import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

/** An error meant for the caller: its message and extensions are safe to show. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) => new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
/** Names what was not found and the argument, never the id asked for (errors do not echo input). */
export const notFound = (what: string, argument = 'id') => new DomainError(ErrorCode.NOT_FOUND, `${what} was not found`, { argument });
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError(ErrorCode.CONFLICT, message, details);
