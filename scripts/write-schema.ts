import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaFiles } from './supergraph';
import { SUBGRAPHS } from './subgraphs';

/** Regenerates schema/<subgraph>.graphql and schema/supergraph.graphql (a test fails when they are stale). */
async function main() {
  const files = await buildSchemaFiles(SUBGRAPHS);
  const dir = join(__dirname, '..', '..', 'schema');
  for (const [name, sdl] of Object.entries(files.subgraphs)) writeFileSync(join(dir, `${name}.graphql`), sdl);
  writeFileSync(join(dir, 'supergraph.graphql'), files.supergraph);
  writeFileSync(join(dir, 'api.graphql'), files.api);
  writeFileSync(join(dir, 'data-map.json'), `${JSON.stringify(files.dataMap, null, 2)}\n`);
  process.stdout.write(`wrote ${Object.keys(files.subgraphs).length} subgraph schemas schema/supergraph.graphql and schema/api.graphql\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
