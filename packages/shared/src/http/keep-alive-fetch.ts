import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { outgoingCall } from '../observability/tracing';
/** The part of a fetch Response that service-to-service callers (the gateway's data sources, peers) read. */
export class KeepAliveResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    message: IncomingMessage,
    private readonly body: string,
  ) {
    this.status = message.statusCode ?? 0;
    this.ok = this.status >= 200 && this.status < 300;
    this.statusText = message.statusMessage ?? '';
    this.headers = { get: (name) => headerValue(message, name) };
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  clone(): KeepAliveResponse {
    return this;
  }
}

function headerValue(message: IncomingMessage, name: string): string | null {
  const value = message.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

function timeoutError(url: string, timeoutMs: number): Error {
  return Object.assign(new Error(`no answer from ${url} within ${timeoutMs} ms`), { name: 'TimeoutError' });
}

export interface KeepAliveRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Bound on the whole exchange: connect, send, headers and body. */
  timeoutMs: number;
}

export type KeepAliveFetch = (url: string, init: KeepAliveRequest) => Promise<KeepAliveResponse>;

/**
 * Service-to-service calls (gateway to subgraphs, subgraph to peer) over node:http with
 * keep-alive sockets and a bound on the whole exchange. They are small JSON POSTs on a private
 * network, so this is all they need; Node's WHATWG fetch costs noticeably more CPU per call.
 */
export function createKeepAliveFetch(): KeepAliveFetch {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  return (url, init) =>
    new Promise<KeepAliveResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      // The request id and W3C traceparent travel with every service-to-service call.
      const call = outgoingCall(target.host);
      const request = (secure ? httpsRequest : httpRequest)(
        target,
        { method: init.method ?? 'POST', headers: { ...init.headers, ...call.headers } as OutgoingHttpHeaders, agent: secure ? agents.https : agents.http },
        (message) => {
          const chunks: Buffer[] = [];
          message.on('data', (chunk: Buffer) => chunks.push(chunk));
          message.on('end', () => {
            clearTimeout(timer);
            call.end(message.statusCode ?? 0);
            resolve(new KeepAliveResponse(url, message, Buffer.concat(chunks).toString('utf8')));
          });
          message.on('error', fail);
        },
      );
      const timer = setTimeout(() => request.destroy(timeoutError(url, init.timeoutMs)), init.timeoutMs);
      function fail(error: Error) {
        clearTimeout(timer);
        call.end(error);
        reject(error);
      }
      request.on('error', fail);
      request.end(init.body);
    });
}
