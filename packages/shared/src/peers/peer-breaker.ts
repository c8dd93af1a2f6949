import CircuitBreaker from 'opossum';
import type { Caller } from '../context/caller';
import { PeerUnavailableError, type PeerClient, type PeerQueryOptions } from './peer-client';
import type { SubgraphName } from './peer-directory';

export interface PeerBreakerPolicy {
  /** Bound of one peer call that names no timeout of its own (long jobs such as erasure name theirs). */
  callTimeoutMs: number;
  /** How long an open circuit refuses calls at once before it lets one through to test the peer. */
  resetAfterMs: number;
}

export const DEFAULT_PEER_BREAKER_POLICY: PeerBreakerPolicy = { callTimeoutMs: 1_000, resetAfterMs: 2_000 };

type Call = [caller: Caller, query: string, variables: Record<string, unknown> | undefined, options: PeerQueryOptions];

/**
 * One circuit per peer: after repeated failures a hung or dead peer is refused at once
 * (callers fail closed, e.g. DECISION_UNAVAILABLE) instead of each request waiting for
 * its own timeout; a trial call after `resetAfterMs` closes the circuit when the peer is back.
 */
export function breakingPeerClient(inner: PeerClient, policy: PeerBreakerPolicy = DEFAULT_PEER_BREAKER_POLICY): PeerClient {
  const breakers = new Map<SubgraphName, CircuitBreaker<Call, unknown>>();
  const breakerOf = (peer: SubgraphName) => {
    let breaker = breakers.get(peer);
    if (!breaker) {
      // The call's own fetch timeout aborts the socket; opossum's would leave the request running.
      breaker = new CircuitBreaker((...[caller, query, variables, options]: Call) => inner.query(peer, caller, query, variables, options), {
        timeout: false,
        resetTimeout: policy.resetAfterMs,
        errorThresholdPercentage: 50,
        volumeThreshold: 3,
        rollingCountTimeout: 10_000,
      });
      breakers.set(peer, breaker);
    }
    return breaker;
  };
  return {
    async query<T>(peer: SubgraphName, caller: Caller, query: string, variables?: Record<string, unknown>, options: PeerQueryOptions = {}): Promise<T> {
      const breaker = breakerOf(peer);
      try {
        return (await breaker.fire(caller, query, variables, { ...options, timeoutMs: options.timeoutMs ?? policy.callTimeoutMs })) as T;
      } catch (error) {
        if (error instanceof PeerUnavailableError) throw error;
        throw new PeerUnavailableError(peer, breaker.opened ? 'circuit open after repeated failures' : (error as Error).message);
      }
    },
  };
}
