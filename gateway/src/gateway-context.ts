import type { Caller } from '@c360/shared';

/** Per-request state of the gateway: the verified caller, forwarded to every subgraph. */
export interface GatewayContext {
  caller: Caller;
}
