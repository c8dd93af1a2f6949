import { DomainError, notFound } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

export const importJobNotFound = (_id?: string) => notFound('Import job');
/** The resume names the caller's own job: it is not quoted back (errors never echo input). */
export const importJobNotResumable = () => new DomainError(ErrorCode.CONFLICT, 'The import job is already done and cannot be resumed', { field: 'resume', reason: 'IMPORT_DONE' });
export const unknownImportKind = () => new DomainError(ErrorCode.NOT_FOUND, 'No such import kind', { reason: 'UNKNOWN_IMPORT_KIND' });
export const importForbidden = (scope: string) => new DomainError(ErrorCode.FORBIDDEN, `Bulk import needs an ERP integration token with scope ${scope}`, { scope });
export const unsupportedImportFormat = () => new DomainError(ErrorCode.BAD_USER_INPUT, 'The import body must be NDJSON (application/x-ndjson) or CSV (text/csv)', { reason: 'UNSUPPORTED_FORMAT' });
