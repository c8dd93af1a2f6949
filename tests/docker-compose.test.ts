import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { demoOptionsFor, parseEnv, subgraphSettings } from '@c360/shared';
import { readinessUrl } from '../scripts/healthcheck';
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
  healthcheck?: { test: string[] };
  volumes?: string[];
}

/** Applies compose's `${VAR:?message}`, `${VAR:-default}`, `${VAR-default}` and `${VAR}` interpolation. */
function interpolate(env: Record<string, string>, vars: Record<string, string>): Record<string, string> {
  const one = (_: string, name: string, op?: string, arg?: string) => {
    const value = vars[name];
    if (op === ':-') return value ? value : (arg ?? '');
    if (op === '-') return value ?? arg ?? '';
    return value ?? '';
  };
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value).replace(/\$\{(\w+)(?:(:-|-|:\?)([^}]*))?\}/g, one)]));
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
// What .env.example asks an operator to fill in; the rest has working defaults (the local issuer).
const DEPLOY_VARS: Record<string, string> = { CALLER_SIGNING_KEY: 'compose-test-signing-key-0123456789abcdef' };
const IDENTITY_PROVIDER_VARS = { ...DEPLOY_VARS, AUTH_ISSUER: 'https://id.example.com/', AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json', AUTH_JWKS_PATH: '' };

describe('docker-compose.yml', () => {
  it('has PostgreSQL, the gateway and one container per subgraph', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'nats', 'postgres', ...SUBGRAPHS.map((s) => s.name)].sort());
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

  it('runs NATS with JetStream, and every subgraph publishes its outbox to it', () => {
    expect(compose.services.nats.command).toContain('-js');
    for (const definition of SUBGRAPHS) {
      const config = parseEnv(subgraphSettings(definition), interpolate(compose.services[definition.name].environment ?? {}, DEPLOY_VARS)) as Record<string, unknown>;
      expect(config.NATS_URL).toBe('nats://nats:4222');
    }
  });

  it('every service shares the one signing key and requires it to be set', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres' || name === 'nats') continue;
      expect(service.environment?.CALLER_SIGNING_KEY).toMatch(/^\$\{CALLER_SIGNING_KEY:\?/);
    }
  });

  it('with an identity provider instead of the local issuer, the gateway config passes too', () => {
    const config = readGatewayConfig(interpolate(compose.services.gateway.environment ?? {}, IDENTITY_PROVIDER_VARS));
    expect(config.auth).toMatchObject({ issuer: 'https://id.example.com/', jwksUrl: IDENTITY_PROVIDER_VARS.AUTH_JWKS_URL, jwksPath: undefined });
  });

  it('seeds no demo data in production unless DEMO_DATA=true is asked for', () => {
    for (const definition of SUBGRAPHS) {
      const settings = subgraphSettings(definition);
      const service = compose.services[definition.name];
      expect(demoOptionsFor(parseEnv(settings, interpolate(service.environment ?? {}, DEPLOY_VARS)))).toBeUndefined();
      expect(demoOptionsFor(parseEnv(settings, interpolate(service.environment ?? {}, { ...DEPLOY_VARS, DEMO_DATA: 'true' })))).toEqual({ seed: 360, customers: 1000 });
    }
    expect(demoOptionsFor(parseEnv(subgraphSettings(SUBGRAPHS[0]), { CALLER_SIGNING_KEY: 'k'.repeat(32), NODE_ENV: 'production' }))).toBeUndefined();
    expect(demoOptionsFor(parseEnv(subgraphSettings(SUBGRAPHS[0]), { CALLER_SIGNING_KEY: 'k'.repeat(32) }))).toBeDefined(); // development
  });

  it('every service has a healthcheck; the services ask their own /ready, and the gateway waits for healthy subgraphs', () => {
    expect(compose.services.postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(compose.services.nats.healthcheck?.test.join(' ')).toContain('/healthz?js-enabled-only=true');
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres' || name === 'nats') continue;
      expect(service.healthcheck?.test).toEqual(['CMD', 'node', 'dist/scripts/healthcheck.js']);
      expect(existsSync(join(ROOT, 'dist', 'scripts', 'healthcheck.js'))).toBe(true);
      const env = interpolate(service.environment ?? {}, DEPLOY_VARS);
      const port = name === 'gateway' ? env.PORT : env[`${SUBGRAPHS.find((s) => s.name === name)!.envPrefix}_PORT`];
      expect(readinessUrl(env)).toBe(`http://127.0.0.1:${port}/ready`);
    }
    expect(compose.services.gateway.depends_on).toEqual(Object.fromEntries(SUBGRAPHS.map((s) => [s.name, { condition: 'service_healthy' }])));
  });

  it('is valid against the Compose Specification JSON schema (and the check catches a misspelt key)', () => {
    const validate = composeSpecValidator();
    expect(validate(compose)).toBe(true);
    const broken = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
    broken.services.gateway.healthcheck = { ...broken.services.gateway.healthcheck, intervall: '5s' };
    broken.services.offers.depends_on = { postgres: { condition: 'healthy' } };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.dataPath)).toEqual(expect.arrayContaining([".services['gateway'].healthcheck"]));
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const final = stages[stages.length - 1];

  it('is multi-stage and its runtime stage runs a supported Node LTS as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const image = /^node:(\d+)/.exec(final)?.[1];
    expect(['22', '24']).toContain(image);
    const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string;
    expect(engines).toContain(`^${image}.`);
    const user = /^USER (\S+)/m.exec(final)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('ships production dependencies only, built in their own stage, and checks /ready', () => {
    const depsStage = stages.find((s) => /npm ci --omit=dev/.test(s));
    expect(depsStage).toBeDefined();
    const depsName = / AS (\S+)/.exec(depsStage!.split('\n')[0])?.[1];
    expect(final).toContain(`COPY --from=${depsName} /app/node_modules ./node_modules`);
    expect(final).not.toMatch(/npm (ci|install)(?! --omit=dev)/);
    expect(final).toMatch(/^HEALTHCHECK .*dist\/scripts\/healthcheck\.js/m);
  });
});

/** The Compose Specification's schema (vendored, see tests/support/compose-spec.README.md), compiled once. */
function composeSpecValidator() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv') as typeof import('ajv');
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(join(ROOT, 'tests', 'support', 'compose-spec.schema.json'), 'utf8'));
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, logger: false });
  ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(us|ms|s|m|h))+$/);
  ajv.addFormat('ports', () => true);
  ajv.addFormat('expose', () => true);
  ajv.addFormat('subnet_ip_address', () => true);
  return ajv.compile(schema);
}
