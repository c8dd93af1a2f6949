import type { Caller } from './caller';

/** Per-request state every resolver sees; built once per request by the shared server helper. */
export interface SubgraphContext<Loaders = unknown> {
  requestId: string;
  caller: Caller;
  loaders: Loaders;
}
