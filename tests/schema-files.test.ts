import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaFiles } from '../scripts/supergraph';
import { SUBGRAPHS } from '../scripts/subgraphs';

const committed = (file: string) => readFileSync(join(__dirname, '..', '..', 'schema', file), 'utf8');
const REGENERATE = 'schema/ is stale: run `npm run schema` and commit the result';

describe('committed schema files', () => {
  let files: Awaited<ReturnType<typeof buildSchemaFiles>>;

  beforeAll(async () => {
    files = await buildSchemaFiles(SUBGRAPHS);
  });

  it.each(SUBGRAPHS.map((s) => s.name))('schema/%s.graphql matches the code', (name) => {
    expect({ file: `${name}.graphql`, sdl: committed(`${name}.graphql`) }).toEqual({ file: `${name}.graphql`, sdl: files.subgraphs[name] });
  });

  it('schema/supergraph.graphql is the composition of the current subgraphs', () => {
    if (committed('supergraph.graphql') !== files.supergraph) throw new Error(REGENERATE);
  });

  it('schema/api.graphql is the current client-facing schema', () => {
    if (committed('api.graphql') !== files.api) throw new Error(REGENERATE);
  });
});
