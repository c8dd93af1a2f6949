/**
 * Preloaded (node --require) into a service under test: appends every outbound connection and
 * DNS lookup it attempts to the file named by CONNECTIONS_LOG, one JSON line each.
 */
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const logFile = process.env.CONNECTIONS_LOG;
const record = (kind: string, destination: unknown) => {
  if (logFile) appendFileSync(logFile, `${JSON.stringify({ kind, destination })}\n`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const [first, second] = args as [unknown, unknown];
  const options = Array.isArray(first) ? first[0] : first;
  if (typeof options === 'object' && options !== null) {
    const o = options as { host?: string; port?: number; path?: string };
    record('connect', o.path ? { path: o.path } : { host: o.host ?? 'localhost', port: o.port });
  } else {
    record('connect', { host: typeof second === 'string' ? second : 'localhost', port: options });
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

const lookup = dns.lookup;
dns.lookup = function (hostname: string, ...rest: unknown[]) {
  record('lookup', { host: hostname });
  return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
} as typeof dns.lookup;

const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function (hostname: string, ...rest: unknown[]) {
  record('lookup', { host: hostname });
  return (promisesLookup as (...a: unknown[]) => Promise<unknown>).call(dns.promises, hostname, ...rest);
} as typeof dns.promises.lookup;
