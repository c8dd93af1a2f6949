import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseEnv, subgraphSettings } from '@c360/shared';
import { gatewaySettings, readGatewayConfig } from '../gateway/src/config';
import { SUBGRAPHS } from '../scripts/subgraphs';

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, unknown>;
  ports?: string[];
  image?: string;
  build?: string;
}

/** Applies compose's `${VAR:?message}` / `${VAR}` interpolation with the given variables. */
function interpolate(env: Record<string, string>, vars: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, String(value).replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => vars[name] ?? (op === '-' ? (arg ?? '') : ''))]),
  );
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const DEPLOY_VARS = { CALLER_SIGNING_KEY: 'compose-test-signing-key-0123456789abcdef', AUTH_ISSUER: 'https://id.example.com/', AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json' };

describe('docker-compose.yml', () => {
  it('has PostgreSQL, the gateway and one container per subgraph', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'postgres', ...SUBGRAPHS.map((s) => s.name)].sort());
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('%s: environment passes the service’s own config validation, on PostgreSQL', (name, definition) => {
    const service = compose.services[name];
    const env = interpolate(service.environment ?? {}, DEPLOY_VARS);
    const settings = subgraphSettings(definition);
    expect(Object.keys(env).filter((key) => !(key in settings))).toEqual([]); // no variable the code ignores
    const config = parseEnv(settings, env);
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    for (const peer of SUBGRAPHS) {
      const port = compose.services[peer.name].environment?.[`${peer.envPrefix}_PORT`];
      expect((config as Record<string, unknown>)[`${peer.envPrefix}_URL`]).toBe(`http://${peer.name}:${port}/graphql`);
    }
    expect(service.command).toEqual(['node', `dist/subgraphs/${name}/src/main.js`]);
    expect(existsSync(join(ROOT, service.command![1]))).toBe(true);
  });

  it('gateway: environment passes config validation and points at each subgraph container and port', () => {
    const service = compose.services.gateway;
    const env = interpolate(service.environment ?? {}, DEPLOY_VARS);
    expect(Object.keys(env).filter((key) => !(key in gatewaySettings))).toEqual([]);
    const config = readGatewayConfig(env);
    for (const definition of SUBGRAPHS) {
      const port = compose.services[definition.name].environment?.[`${definition.envPrefix}_PORT`];
      expect(config.subgraphUrls[definition.name as keyof typeof config.subgraphUrls]).toBe(`http://${definition.name}:${port}/graphql`);
    }
    expect(existsSync(join(ROOT, config.supergraphPath))).toBe(true);
    expect(service.ports).toContain(`${config.port}:${config.port}`);
  });

  it('every service shares the one signing key and requires it to be set', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres') continue;
      expect(service.environment?.CALLER_SIGNING_KEY).toMatch(/^\$\{CALLER_SIGNING_KEY:\?/);
    }
  });
});
