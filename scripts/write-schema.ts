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
  process.stdout.write(`wrote ${Object.keys(files.subgraphs).length} subgraph schemas and schema/supergraph.graphql\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
