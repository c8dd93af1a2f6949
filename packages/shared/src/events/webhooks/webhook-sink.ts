import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { EventEnvelope } from '../event-envelope';
import type { EventSink } from '../event-sink';
import { endpointProblem, isPrivateAddress } from './endpoint-policy';
import { signWebhook, type WebhookSecrets } from './webhook-signer';

/** How a host name is resolved (all addresses): `dns.lookup` unless a test says otherwise. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export interface WebhookEndpoint {
  url: string;
  secrets: WebhookSecrets;
  /** Per request (default 5 s): a slow receiver is a failed attempt, retried with backoff. */
  timeoutMs?: number;
  /** Development and tests only: loopback and private addresses, plain http. */
  allowPrivate: boolean;
  /** Which events go to this endpoint (default: all). */
  accepts?: (event: EventEnvelope) => boolean;
  /** Name resolution (tests); default the system resolver. */
  resolve?: ResolveAll;
}

/** Thrown before any connection when the endpoint policy refuses the URL or what its name resolves to. */
export class EndpointRefusedError extends Error {
  constructor(problem: string) {
    super(`endpoint refused: ${problem}`);
  }
}

/**
 * The connection's own name resolution when private addresses are refused (server-side request
 * forgery, DNS rebinding included): the name is resolved once, at connect time, every address it
 * resolves to must be public, and the socket connects to the address that was checked (no second
 * resolution that a rebinding name server could answer differently).
 */
export function publicOnlyLookup(resolve: ResolveAll = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(new EndpointRefusedError('host has no address'), '', 0);
        if (addresses.some((a) => isPrivateAddress(a.address))) return callback(new EndpointRefusedError('host resolves to a private address'), '', 0);
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) return callback(new EndpointRefusedError('host has no address'), '', 0);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        callback(null, usable[0].address, usable[0].family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

/**
 * Delivers events to one endpoint as signed Standard Webhooks POSTs: any 2xx is delivered, anything
 * else (or a timeout) rejects, so the dispatcher retries with the same webhook-id. Redirects are not
 * followed. Unless `allowPrivate`, the policy holds at connect time too (see publicOnlyLookup).
 */
export function webhookSink(endpoint: WebhookEndpoint): EventSink {
  return {
    name: 'webhook',
    async deliver(event) {
      if (endpoint.accepts && !endpoint.accepts(event)) return;
      const problem = endpointProblem(endpoint.url, { allowPrivate: endpoint.allowPrivate });
      if (problem) throw new EndpointRefusedError(problem);
      const body = JSON.stringify(event);
      const status = await post(endpoint, signWebhook(endpoint.secrets, event.id, body), body);
      if (status < 200 || status >= 300) throw new Error(`receiver answered ${status}`);
    },
  };
}

/** One POST on its own connection; answers the status. */
function post(endpoint: WebhookEndpoint, headers: Record<string, string>, body: string): Promise<number> {
  const url = new URL(endpoint.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address literal is never resolved (the socket connects to it as written): endpointProblem checked it.
  const lookup = endpoint.allowPrivate || isIP(host) ? undefined : publicOnlyLookup(endpoint.resolve);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = endpoint.timeoutMs ?? 5_000;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, agent: false, timeout: timeoutMs },
      (res: IncomingMessage) => {
        res.resume(); // the answer's body is not read
        resolve(res.statusCode ?? 0);
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`timeout: no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy(new Error(`timeout: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
