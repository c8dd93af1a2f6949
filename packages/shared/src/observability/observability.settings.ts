import { ConfigError, setting, type SettingsOf } from '../config/env-schema';
import type { MetricsAccess } from '../http/graphql-http';
import type { LogSettings } from './logger';

/** Settings every service (and npm start) reads for its logs, metrics and shutdown. */
export const operationsSettings = {
  LOG_LEVEL: setting.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, { default: 'info' }),
  /** Unset: pretty in development on a terminal, JSON otherwise. */
  LOG_PRETTY: setting.oneOf(['true', 'false', ''] as const, { default: '' }),
  /** Bearer token for /metrics; without one, /metrics is open in development and off in production. */
  METRICS_TOKEN: setting.string({ optional: true }),
  /** How long in-flight requests may finish after SIGTERM before their connections are closed. */
  SHUTDOWN_DRAIN_MS: setting.int({ default: 10_000, min: 0, max: 120_000 }),
};

export type OperationsSettings = SettingsOf<typeof operationsSettings>;

export interface Operations {
  log: LogSettings;
  metrics: MetricsAccess;
  drainMs: number;
}

export function operationsFrom(settings: OperationsSettings, production: boolean, stdoutIsTty = !!process.stdout.isTTY): Operations {
  if (settings.METRICS_TOKEN !== undefined && settings.METRICS_TOKEN.length < 16) throw new ConfigError(['METRICS_TOKEN must be at least 16 characters']);
  const pretty = settings.LOG_PRETTY === '' ? !production && stdoutIsTty : settings.LOG_PRETTY === 'true';
  return {
    log: { level: settings.LOG_LEVEL, pretty },
    metrics: settings.METRICS_TOKEN ? { token: settings.METRICS_TOKEN } : production ? 'off' : 'open',
    drainMs: settings.SHUTDOWN_DRAIN_MS,
  };
}
