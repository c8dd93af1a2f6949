import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storageLabel } from '@c360/shared/testing';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind } from './support/test-tokens';
import { readmeExamples, type ReadmeExample } from './support/readme-examples';

type Answer = { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const examples = readmeExamples(README);

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);

/** Where an answer differs from the shape the README shows: every key shown, with its JSON type; error codes by value. */
function shapeMismatches(shown: unknown, actual: unknown, path = '$'): string[] {
  if (shown === null || typeof shown !== 'object') {
    if (typeOf(shown) !== typeOf(actual)) return [`${path}: README shows ${typeOf(shown)}, the answer has ${typeOf(actual)}`];
    return path.endsWith('.code') && shown !== actual ? [`${path}: README shows ${String(shown)}, the answer has ${String(actual)}`] : [];
  }
  if (typeOf(shown) !== typeOf(actual)) return [`${path}: README shows ${typeOf(shown)}, the answer has ${typeOf(actual)}`];
  if (Array.isArray(shown)) {
    const items = actual as unknown[];
    if (shown.length > 0 && items.length === 0) return [`${path}: README shows entries, the answer has none`];
    return shown.length === 0 ? [] : items.flatMap((item, i) => shapeMismatches(shown[0], item, `${path}[${i}]`));
  }
  const object = actual as Record<string, unknown>;
  return Object.entries(shown).flatMap(([key, value]) => (key in object ? shapeMismatches(value, object[key], `${path}.${key}`) : [`${path}.${key}: missing from the answer`]));
}

/**
 * Runs every GraphQL example of the README (```graphql blocks and the curl / gql calls of ```sh
 * blocks; see tests/support/readme-examples.ts for what is read and how) as written, in README
 * order, against one platform started as `npm start` starts it: demo data of the default seed and
 * trusted documents only for partner and BI tokens.
 */
describe(`the README's GraphQL examples on ${storageLabel()}`, () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 360, customers: 200 }, trustedDocumentsOnly: true });
  }, 240_000);
  afterAll(() => platform?.close());

  const post = async (query: string, variables: Record<string, unknown>, token: string): Promise<{ status: number; body: Answer }> => {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Answer };
  };

  /** `$customerId`: any customer's id (the README says where to get one); other `$…Id`: the id the block's previous answer holds. */
  const fill = async (name: string, previous: Answer | undefined): Promise<unknown> => {
    if (name === 'customerId') {
      const page = await post('{ customers(first: 1) { edges { node { id } } } }', {}, await platform.tokens.token(CallerKind.INTERNAL_APP));
      return (page.body.data?.customers as { edges: { node: { id: string } }[] }).edges[0].node.id;
    }
    const root = Object.values(previous?.data ?? {})[0] as { id?: unknown } | null | undefined;
    if (!/Id$/.test(name) || typeof root?.id !== 'string') throw new Error(`no value for $${name}: the example does not say where it comes from`);
    return root.id;
  };

  it('finds the examples: every graphql block, and the curl calls of the quick start, the catalogue, the import and compose', () => {
    expect(examples.filter((e) => e.source === 'graphql')).toHaveLength(README.match(/^```graphql$/gm)!.length);
    expect(examples.filter((e) => e.source === 'sh').length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples.map((example) => [`line ${example.line} (${example.source}, ${example.token.kind})`, example] as const))('README %s runs as written', async (_label, example: ReadmeExample) => {
    const token = await platform.tokens.token(example.token.kind as CallerKind, { ...example.token });
    let previous: Answer | undefined;
    for (const request of example.requests) {
      const variables: Record<string, unknown> = { ...request.given };
      for (const name of request.variables) variables[name] = await fill(name, previous);
      const { status, body } = await post(request.query, variables, token);
      const codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code))];
      const expected = example.expectCode ? [example.expectCode] : [];
      // Thrown rather than compared, so the failure shows the operation and the answer it got.
      if (status !== 200 || JSON.stringify(codes) !== JSON.stringify(expected)) {
        throw new Error(`expected HTTP 200 and error codes ${JSON.stringify(expected)}, got ${status} ${JSON.stringify(codes)}\n${request.query}\n-> ${JSON.stringify(body).slice(0, 800)}`);
      }
      previous = body;
    }
    if (example.response !== undefined) expect(shapeMismatches(example.response, previous)).toEqual([]);
  });
});
