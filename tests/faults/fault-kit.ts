export interface Answer {
  status: number;
  ms: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

/** The fault suite runs the platform as production does, on PostgreSQL only: PGlite is one in-process database that cannot be cut or killed apart from the service. */
export const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;
export const SKIP_REASON = 'fault suite skipped: it needs real PostgreSQL (DATABASE_URL); CI runs it in the PostgreSQL pass';

/** POSTs one operation and times the answer. */
export async function ask(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  return { status: response.status, ms: Date.now() - started, text, body: JSON.parse(text) as Answer['body'] };
}

export const codesOf = (answer: Answer) => [...new Set((answer.body.errors ?? []).map((e) => String(e.extensions?.code)))].sort();

/** Retries `attempt` until it returns a value (not undefined) or `timeoutMs` passes; returns the value and how long it took. */
export async function eventually<T>(attempt: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<{ value: T; afterMs: number }> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await attempt();
      if (value !== undefined) return { value, afterMs: Date.now() - started };
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`not within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}

/** What a client may see in an error: our typed code and message, never a driver's words, SQL or a stack. */
export function expectNoInternalDetail(answer: Answer): void {
  expect(codesOf(answer)).not.toContain('INTERNAL_SERVER_ERROR');
  expect(answer.text).not.toMatch(/stacktrace|ECONNREFUSED|terminat|pg_|SELECT |\bat \S+ \(|postgres|127\.0\.0\.1:\d+/i);
}
