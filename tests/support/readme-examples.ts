import { parseArgs } from 'node:util';
import { Kind, parse, print } from 'graphql';
import { TOKEN_OPTIONS } from '../../scripts/token-options';

/**
 * The GraphQL examples of a Markdown file, as a reader would run them:
 * - every ```graphql block, which must follow an annotation line
 *   `<!-- example token="--kind INTERNAL_APP --scopes 'a b'" [expect="CODE"] -->`
 *   (`token`: the arguments of `npm run -s token --`; `expect`: the one error code the example shows).
 *   Each operation of the block is one request, in order. Variables are filled as the README says:
 *   `$customerId` with a customer's id, any other `$…Id` with the `id` the block's previous answer holds.
 *   A ```json block right after it, annotated `<!-- example response -->`, is the answer's documented shape.
 * - every `curl … /graphql … -d '<json>'` and `gql '<json>'` call in a ```sh block, with the token
 *   the block mints (`NAME=$(npm run -s token -- …)`, used as `Bearer $NAME`). Other commands
 *   (imports over HTTP, `/ready`) are not GraphQL and are not run here.
 */
export interface TokenRequest {
  kind: string;
  scope?: string;
  purpose?: string;
  partner_id?: string;
  customer_id?: string;
  client_id: string;
}

export interface ExampleRequest {
  query: string;
  /** Variables the text leaves to the reader (filled by the runner). */
  variables: string[];
  /** Variables the example itself sends. */
  given?: Record<string, unknown>;
}

export interface ReadmeExample {
  line: number;
  source: 'graphql' | 'sh';
  token: TokenRequest;
  requests: ExampleRequest[];
  expectCode?: string;
  response?: unknown;
}

interface Fence {
  lang: string;
  body: string;
  line: number;
  annotation?: string;
}

const ANNOTATION = /^<!--\s*example\b(.*?)-->\s*$/;

function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`unclosed fence at line ${i + 1}`);
    const previous = i > 0 ? ANNOTATION.exec(lines[i - 1]) : null;
    found.push({ lang: open[1], body: lines.slice(i + 1, end).join('\n'), line: i + 1, annotation: previous?.[1] });
    i = end;
  }
  return found;
}

/** Splits a command line the way a POSIX shell does for plain, '…' and "…" words (no expansions). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}

/** What `npm run -s token -- <args>` would put in the token (scripts/token.ts). */
export function tokenRequest(args: string[]): TokenRequest {
  const { values } = parseArgs({
    args,
    options: TOKEN_OPTIONS,
  });
  if (!values.kind) throw new Error(`no --kind in token arguments: ${args.join(' ')}`);
  return {
    kind: values.kind,
    client_id: values.client ?? `dev-${values.kind.toLowerCase().replace(/_/g, '-')}`,
    ...(values.scopes ? { scope: values.scopes } : {}),
    ...(values.purpose ? { purpose: values.purpose } : {}),
    ...(values.partner ? { partner_id: values.partner } : {}),
    ...(values.customer ? { customer_id: values.customer } : {}),
  };
}

function attributes(annotation: string): Record<string, string> {
  return Object.fromEntries([...annotation.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

function graphqlExample(fence: Fence, next: Fence | undefined): ReadmeExample {
  if (fence.annotation === undefined) throw new Error(`README line ${fence.line}: a graphql block needs an <!-- example token="…" --> line before it`);
  const { token, expect: expectCode } = attributes(fence.annotation);
  if (!token) throw new Error(`README line ${fence.line}: the example annotation names no token`);
  const requests = parse(fence.body).definitions.map((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) throw new Error(`README line ${fence.line}: only operations are runnable`);
    return { query: print(definition), variables: (definition.variableDefinitions ?? []).map((v) => v.variable.name.value) };
  });
  const response = next?.lang === 'json' && next.annotation?.trim() === 'response' ? JSON.parse(next.body) : undefined;
  return { line: fence.line, source: 'graphql', token: tokenRequest(shellWords(token.replace(/'/g, '"'))), requests, expectCode, response };
}

/** Joins `\`-continued lines, so one command is one line. */
const commands = (body: string) => body.replace(/\\\n\s*/g, ' ').split('\n');

function shExamples(fence: Fence): ReadmeExample[] {
  const tokens = new Map<string, TokenRequest>();
  const functions = new Map<string, string>();
  const calls: { line: number; tokenVariable: string; json: string }[] = [];
  for (const command of commands(fence.body)) {
    const minted = /^(\w+)=\$\(npm run -s token -- (.*)\)\s*$/.exec(command);
    if (minted) tokens.set(minted[1], tokenRequest(shellWords(minted[2])));
    const definedFunction = /^(\w+)\(\)\s*\{.*\/graphql.*Bearer \$(\w+)/.exec(command);
    if (definedFunction) {
      functions.set(definedFunction[1], definedFunction[2]);
      continue;
    }
    const curl = /curl [^|]*\/graphql.*Bearer \$(\w+).*-d '([^']*)'/.exec(command);
    if (curl) calls.push({ line: fence.line, tokenVariable: curl[1], json: curl[2] });
    const called = /^(\w+) '([^']*)'\s*$/.exec(command);
    if (called && functions.has(called[1])) calls.push({ line: fence.line, tokenVariable: functions.get(called[1])!, json: called[2] });
  }
  const lines = commands(fence.body);
  const written = lines.filter((c) => /curl [^|]*\/graphql/.test(c) && !/^\w+\(\)/.test(c)).length + lines.filter((c) => functions.has(/^(\w+) /.exec(c)?.[1] ?? '')).length;
  if (calls.length !== written) throw new Error(`README line ${fence.line}: ${written - calls.length} /graphql call(s) in this sh block could not be read as examples`);
  return calls.map((call) => {
    const token = tokens.get(call.tokenVariable);
    if (!token) throw new Error(`README line ${fence.line}: $${call.tokenVariable} is not minted in its block`);
    const body = JSON.parse(call.json) as { query: string; variables?: Record<string, unknown> };
    return { line: call.line, source: 'sh' as const, token, requests: [{ query: body.query, variables: [], given: body.variables }] };
  });
}

export function readmeExamples(markdown: string): ReadmeExample[] {
  const all = fences(markdown);
  return all.flatMap((fence, i) => {
    if (fence.lang === 'graphql') return [graphqlExample(fence, all[i + 1])];
    if (fence.lang === 'sh') return shExamples(fence);
    return [];
  });
}
