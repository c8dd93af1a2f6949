import type { SubgraphDefinition } from './subgraph-definition';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from './start-subgraph';
import { CONSENT_SUBGRAPH } from '../privacy/remote-consent-decider';
import { PeerDirectory, type SubgraphName } from '../peers/peer-directory';

export interface StartSubgraphsOptions extends Omit<StartSubgraphOptions, 'port' | 'peers'> {
  portOf(definition: SubgraphDefinition): number;
}

/**
 * Starts subgraphs in one process, the consent subgraph first (the others ask it for
 * decisions). Each learns its peers' URLs as they come up; a peer not started here is
 * unreachable, so consent decisions fail closed without a consent subgraph.
 */
export async function startSubgraphs(definitions: SubgraphDefinition[], options: StartSubgraphsOptions): Promise<RunningSubgraph[]> {
  const ordered = [...definitions].sort((a, b) => Number(b.name === CONSENT_SUBGRAPH) - Number(a.name === CONSENT_SUBGRAPH));
  const peers = new PeerDirectory();
  const running: RunningSubgraph[] = [];
  try {
    for (const definition of ordered) {
      const subgraph = await startSubgraph(definition, { ...options, port: options.portOf(definition), peers });
      running.push(subgraph);
      peers.set(definition.name as SubgraphName, subgraph.url);
    }
    return running;
  } catch (error) {
    for (const subgraph of running) await subgraph.stop().catch(() => undefined);
    throw error;
  }
}
