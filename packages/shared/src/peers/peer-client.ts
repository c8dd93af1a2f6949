import type { Caller } from '../context/caller';
import { CALLER_HEADER } from '../context/caller-token';
import { reusableCallerToken } from '../context/caller-token-cache';
import type { PeerDirectory, SubgraphName } from './peer-directory';
import { peerCallDuration, scopeService } from '../observability/metrics';
import { createKeepAliveFetch, type KeepAliveFetch, type KeepAliveResponse } from '../http/keep-alive-fetch';

/** A peer subgraph could not answer (unknown, unreachable, timed out, or answered with errors). */
export class PeerUnavailableError extends Error {
  constructor(
    readonly peer: SubgraphName,
    reason: string,
  ) {
    super(`${peer} subgraph unavailable: ${reason}`);
    this.name = 'PeerUnavailableError';
  }
}

export interface PeerQueryOptions {
  timeoutMs?: number;
}

/**
 * Service-to-service GraphQL: one subgraph asks another, as a given caller, with the same
 * signed caller token the gateway uses (audience = the peer). This is how internal,
 * @inaccessible contracts (consent decisions, segment conditions, the privacy contract) are
 * reached: never through another subgraph's tables.
 */
export interface PeerClient {
  query<T>(peer: SubgraphName, caller: Caller, query: string, variables?: Record<string, unknown>, options?: PeerQueryOptions): Promise<T>;
}

const DEFAULT_TIMEOUT_MS = 3000;

export function httpPeerClient(directory: PeerDirectory, signingKey: string, fetch: KeepAliveFetch = createKeepAliveFetch()): PeerClient {
  return {
    async query<T>(peer: SubgraphName, caller: Caller, query: string, variables: Record<string, unknown> = {}, options: PeerQueryOptions = {}): Promise<T> {
      const timer = peerCallDuration.startTimer({ service: scopeService(), peer });
      try {
        const data = await ask<T>(peer, caller, query, variables, options);
        timer({ outcome: 'ok' });
        return data;
      } catch (error) {
        timer({ outcome: 'unavailable' });
        throw error;
      }
    },
  };

  async function ask<T>(peer: SubgraphName, caller: Caller, query: string, variables: Record<string, unknown>, options: PeerQueryOptions): Promise<T> {
    const url = directory.urlOf(peer);
    if (!url) throw new PeerUnavailableError(peer, 'no URL configured');
    let response: KeepAliveResponse;
    let body: { data?: T | null; errors?: { message: string }[] };
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: reusableCallerToken(signingKey, caller, peer) },
        body: JSON.stringify({ query, variables }),
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new PeerUnavailableError(peer, (error as Error).message);
    }
    if (!response.ok || body.errors?.length || !body.data) throw new PeerUnavailableError(peer, body.errors?.[0]?.message ?? `HTTP ${response.status}`);
    return body.data;
  }
}

/** For tests and single-subgraph runs: every peer is unavailable. */
export const noPeers: PeerClient = {
  async query(peer) {
    throw new PeerUnavailableError(peer, 'no peers in this process');
  },
};
