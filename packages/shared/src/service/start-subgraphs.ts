import type { SubgraphDefinition } from './subgraph-definition';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from './start-subgraph';
import { CONSENT_SUBGRAPH } from '../privacy/remote-consent-decider';

export interface StartSubgraphsOptions extends Omit<StartSubgraphOptions, 'port' | 'consentUrl'> {
  portOf(definition: SubgraphDefinition): number;
}

/** Starts subgraphs in one process, the consent subgraph first: the others ask it for decisions. */
export async function startSubgraphs(definitions: SubgraphDefinition[], options: StartSubgraphsOptions): Promise<RunningSubgraph[]> {
  const ordered = [...definitions].sort((a, b) => Number(b.name === CONSENT_SUBGRAPH) - Number(a.name === CONSENT_SUBGRAPH));
  const running: RunningSubgraph[] = [];
  let consentUrl = 'http://127.0.0.1:9/graphql'; // without a consent subgraph, decisions fail closed
  try {
    for (const definition of ordered) {
      const subgraph = await startSubgraph(definition, { ...options, port: options.portOf(definition), consentUrl });
      running.push(subgraph);
      if (definition.name === CONSENT_SUBGRAPH) consentUrl = subgraph.url;
    }
    return running;
  } catch (error) {
    for (const subgraph of running) await subgraph.stop().catch(() => undefined);
    throw error;
  }
}
