import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { withClient } from '../dataset/database';

const PACKAGES = ['@apollo/gateway', '@apollo/server', '@apollo/subgraph', 'graphql', 'type-graphql', 'typeorm', 'pg', 'autocannon'];

function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(require.resolve(`${name}/package.json`, { paths: [process.cwd()] })), 'utf8')) as { version: string }).version;
  } catch {
    // packages whose exports hide package.json: read it from node_modules
    return (JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  }
}

export async function describeMachine(databaseUrl: string) {
  const postgres = await withClient(databaseUrl, async (c) => (await c.query(`SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS b`)).rows[0]);
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: `${postgres.v} (shared_buffers ${postgres.b})`,
    packages: Object.fromEntries(PACKAGES.map((p) => [p, versionOf(p)])),
  };
}
