import pino, { type Logger } from 'pino';
import { currentScope } from './request-scope';

export interface LogSettings {
  level: string;
  /** Human-readable lines (pino-pretty) instead of JSON; development only. */
  pretty: boolean;
}

// Silent until an entry point configures it: tests and tools stay quiet unless they ask.
let root: Logger = pino({ level: 'silent' });

const base = {
  // Every line of a request carries its ids, wherever it is written from.
  mixin() {
    const scope = currentScope();
    return scope ? { requestId: scope.requestId, traceId: scope.traceId } : {};
  },
  // A defence in depth: whatever is logged under these keys never reaches the output.
  redact: { paths: ['authorization', 'token', '*.authorization', '*.token', 'headers', '*.headers', 'variables', '*.variables'], remove: true },
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
};

/** Sets where logs go for the whole process; an optional destination serves tests. */
export function configureLogging(settings: LogSettings, destination?: NodeJS.WritableStream): void {
  if (destination) {
    root = pino({ ...base, level: settings.level }, destination);
  } else if (settings.pretty) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: object) => NodeJS.WritableStream;
    root = pino({ ...base, level: settings.level }, pretty({ colorize: process.stdout.isTTY, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' }));
  } else {
    root = pino({ ...base, level: settings.level });
  }
}

/** A logger bound to one service; follows configureLogging, even when made before it. */
export function serviceLogger(service: string): Logger {
  let boundTo: Logger | undefined;
  let child: Logger | undefined;
  const current = () => {
    if (boundTo !== root) {
      boundTo = root;
      child = root.child({ service });
    }
    return child!;
  };
  return new Proxy({} as Logger, {
    get(_target, property) {
      const logger = current();
      const value = (logger as unknown as Record<PropertyKey, unknown>)[property];
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(logger) : value;
    },
  });
}

/** For code that takes a `log(line)` callback (jobs, start-up banners). */
export const lineLogger =
  (service: string) =>
  (line: string): void =>
    serviceLogger(service).info(line);
