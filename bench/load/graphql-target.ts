/** Something that answers GraphQL over HTTP: a gateway, or a subgraph called directly. */
export interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

export interface Workload {
  query: string;
  variables: Record<string, unknown>;
}

export const requestBody = (workload: Workload) => JSON.stringify({ query: workload.query, variables: workload.variables });

/**
 * One request outside the load run; its body becomes the reference every loaded response
 * must equal byte for byte. Refuses a non-200 or an answer with errors.
 */
export async function captureReference(target: Target, workload: Workload): Promise<string> {
  const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body: requestBody(workload) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${target.name} answered ${response.status}: ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`${target.name} answered with errors: ${text.slice(0, 500)}`);
  return text;
}
