import type { IncomingMessage, ServerResponse } from 'node:http';
import { CallerKind, hasScope, type Caller } from '../context/caller';
import { CALLER_HEADER, verifyCallerToken } from '../context/caller-token';
import { badInput, DomainError } from '../errors/domain-error';
import { isUuid } from '../errors/ids';
import { ErrorCode } from '../errors/error-codes';
import type { HttpRoutes } from '../http/graphql-http';
import type { ImportKind } from './import-kind';
import type { ImportJobRepository } from './import-job.repository';
import { findOwnJob } from './import-job.resolver';
import type { ImportRunner } from './import-runner';
import { importForbidden, importJobNotFound, unknownImportKind, unsupportedImportFormat } from './import.errors';
import type { ImportFormat } from './record-source';

export interface ImportEndpointOptions {
  /** This subgraph's name: the audience of the caller token the gateway signs. */
  subgraph: string;
  callerSigningKey: string;
  kinds: ImportKind[];
  runner: ImportRunner;
  jobs: ImportJobRepository;
}

const STATUS: Partial<Record<string, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.NOT_FOUND]: 404, [ErrorCode.BAD_USER_INPUT]: 400, [ErrorCode.CONFLICT]: 409 };
const IMPORT_PATH = /^\/import\/([a-z-]+)$/;
const JOB_PATH = /^\/import\/([a-z-]+)\/jobs\/([0-9a-f-]{36})(\/bad-rows)?$/;

export const formatOfContentType = (contentType: string | undefined): ImportFormat | undefined =>
  /ndjson|jsonl|json-seq/i.test(contentType ?? '') ? 'ndjson' : /text\/csv/i.test(contentType ?? '') ? 'csv' : undefined;

/** The only callers that may bulk-import: ERP integrations holding the kind's scope. */
export function requireImporter(caller: Caller, kind: ImportKind): void {
  if (caller.kind !== CallerKind.ERP_INTEGRATION || !hasScope(caller, kind.scope)) throw importForbidden(kind.scope);
}

function sendError(response: ServerResponse, error: unknown): void {
  const known = error instanceof DomainError;
  const code = known ? String(error.extensions.code) : ErrorCode.INTERNAL_SERVER_ERROR;
  if (!known) process.stderr.write(`[import] ${(error as Error).message}\n`);
  const body = JSON.stringify({ errors: [{ message: known ? error.message : 'Internal server error', extensions: known ? error.extensions : { code } }] });
  if (!response.headersSent) response.writeHead(STATUS[code] ?? 500, { 'content-type': 'application/json' });
  response.end(body);
}

/**
 * `POST /import/<kind>` (the body streamed into the job, never buffered whole) and
 * `GET /import/<kind>/jobs/<id>` (the job) and `GET /import/<kind>/jobs/<id>/bad-rows` (the bad-row
 * report as NDJSON), only for the gateway's signed ERP callers, each reading only its own jobs.
 */
export function importRoutes(options: ImportEndpointOptions): HttpRoutes {
  const byName = new Map(options.kinds.map((k) => [k.name, k]));
  const callerOf = (request: IncomingMessage): Caller => {
    const header = request.headers[CALLER_HEADER];
    const check = verifyCallerToken(options.callerSigningKey, Array.isArray(header) ? header[0] : header, options.subgraph);
    if (!check.ok) throw new DomainError(ErrorCode.UNAUTHENTICATED, `Subgraph ${options.subgraph} only answers the gateway: ${check.reason}`);
    return check.caller;
  };
  return async (request, response, url) => {
    const importMatch = IMPORT_PATH.exec(url.pathname);
    const jobMatch = JOB_PATH.exec(url.pathname);
    if (!importMatch && !jobMatch) return false;
    try {
      const caller = callerOf(request);
      const kind = byName.get((importMatch ?? jobMatch)![1]);
      if (!kind) throw unknownImportKind();
      requireImporter(caller, kind);
      if (importMatch && request.method === 'POST') await runImport(options.runner, kind, caller, request, response, url);
      else if (jobMatch && request.method === 'GET' && jobMatch[3]) await sendBadRows(options.jobs, kind, caller, jobMatch[2], response);
      else if (jobMatch && request.method === 'GET') await sendJob(options.jobs, kind, caller, jobMatch[2], response);
      else throw new DomainError(ErrorCode.NOT_FOUND, 'No such import endpoint');
    } catch (error) {
      request.resume(); // drain what is left of a refused body
      sendError(response, error);
    }
    return true;
  };
}

async function runImport(runner: ImportRunner, kind: ImportKind, caller: Caller, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const format = formatOfContentType(request.headers['content-type']);
  if (!format) throw unsupportedImportFormat();
  const sourceSystem = url.searchParams.get('sourceSystem') || caller.clientId;
  if (sourceSystem.length > 64) throw badInput('sourceSystem must be at most 64 characters', { field: 'sourceSystem' });
  const resumeJobId = url.searchParams.get('resume') ?? undefined;
  if (resumeJobId !== undefined && !isUuid(resumeJobId)) throw importJobNotFound('(not a UUID)');
  const job = await runner.run({ kind, caller, source: request, format, sourceSystem, resumeJobId });
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ job }));
}

async function ownJobOfKind(jobs: ImportJobRepository, kind: ImportKind, caller: Caller, id: string) {
  const job = await findOwnJob(jobs, caller, id);
  if (job.kind !== kind.name) throw importJobNotFound(id);
  return job;
}

/** `GET /import/<kind>/jobs/<id>`: the job's state, counts and timings (what `importJob(id)` answers), for polling. */
async function sendJob(jobs: ImportJobRepository, kind: ImportKind, caller: Caller, id: string, response: ServerResponse): Promise<void> {
  const job = await ownJobOfKind(jobs, kind, caller, id);
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ job }));
}

async function sendBadRows(jobs: ImportJobRepository, kind: ImportKind, caller: Caller, id: string, response: ServerResponse): Promise<void> {
  await ownJobOfKind(jobs, kind, caller, id);
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  // Keyset pages: a report of a million bad rows is streamed, never held.
  for (let after = 0; ; ) {
    const page = await jobs.badRows(id, 5000, after);
    for (const row of page) response.write(`${JSON.stringify(row)}\n`);
    if (page.length < 5000) break;
    after = page[page.length - 1].lineNo;
  }
  response.end();
}
