import { PassThrough } from 'node:stream';
import { configureLogging, ConfigError, maskError, operationLabel, operationsFrom, operationsSettings, parseEnv } from '@c360/shared';

const settings = (env: Record<string, string>) => parseEnv(operationsSettings, env);

describe('operations settings', () => {
  it('pretty logs only in development on a terminal, or when LOG_PRETTY says so', () => {
    expect(operationsFrom(settings({}), false, true).log.pretty).toBe(true);
    expect(operationsFrom(settings({}), false, false).log.pretty).toBe(false);
    expect(operationsFrom(settings({}), true, true).log.pretty).toBe(false);
    expect(operationsFrom(settings({ LOG_PRETTY: 'true' }), true, false).log.pretty).toBe(true);
    expect(operationsFrom(settings({ LOG_PRETTY: 'false' }), false, true).log.pretty).toBe(false);
  });

  it('/metrics: open in development, off in production, token-protected whenever a token is set', () => {
    expect(operationsFrom(settings({}), false).metrics).toBe('open');
    expect(operationsFrom(settings({}), true).metrics).toBe('off');
    expect(operationsFrom(settings({ METRICS_TOKEN: 'a-metrics-token-123' }), true).metrics).toEqual({ token: 'a-metrics-token-123' });
    expect(() => operationsFrom(settings({ METRICS_TOKEN: 'short' }), true)).toThrow(ConfigError);
  });

  it('refuses a bad level or drain with the other configuration problems', () => {
    expect(() => settings({ LOG_LEVEL: 'loud', SHUTDOWN_DRAIN_MS: '-1' })).toThrow(/LOG_LEVEL[\s\S]*SHUTDOWN_DRAIN_MS/);
  });
});

describe('operation labels', () => {
  it('keep identifier-shaped names and nothing a client could smuggle in', () => {
    expect(operationLabel('CustomerProfile')).toBe('CustomerProfile');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('ada@example.org')).toBe('invalid');
    expect(operationLabel('a'.repeat(65))).toBe('invalid');
  });

  it('stop growing after 200 distinct names', () => {
    for (let i = 0; i < 300; i++) operationLabel(`Flood${i}`);
    expect(operationLabel('BrandNewOperation')).toBe('other');
    expect(operationLabel('CustomerProfile')).toBe('CustomerProfile'); // names seen before keep their label
  });
});

describe('internal errors in the log', () => {
  it('name where it failed but never quote the message (drivers quote input values)', () => {
    let logged = '';
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    configureLogging({ level: 'info', pretty: false }, stream);
    try {
      const masked = maskError('customers')({ message: 'x' }, Object.assign(new Error('invalid input syntax for type uuid: "ada@example.org"'), { code: '22P02' }));
      expect(masked.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const line = JSON.parse(logged.trim());
      expect(line).toMatchObject({ level: 50, service: 'customers', errorName: 'Error', errorCode: '22P02', msg: 'internal error' });
      expect(line.stack).toMatch(/^\s+at /);
      expect(logged).not.toContain('ada@example.org');
    } finally {
      configureLogging({ level: 'silent', pretty: false });
    }
  });
});
