/** The four subgraphs of the graph; a subgraph reaches its peers by these names. */
export const SUBGRAPH_NAMES = ['customers', 'transactions', 'offers', 'consent'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/**
 * Where each peer subgraph listens. Looked up at call time, so subgraphs started in one
 * process (ports picked at start) can be told about each other after they are built.
 */
export class PeerDirectory {
  private readonly urls = new Map<SubgraphName, string>();

  constructor(initial: Partial<Record<SubgraphName, string>> = {}) {
    for (const [name, url] of Object.entries(initial)) if (url) this.urls.set(name as SubgraphName, url);
  }

  set(name: SubgraphName, url: string): void {
    this.urls.set(name, url);
  }

  urlOf(name: SubgraphName): string | undefined {
    return this.urls.get(name);
  }
}
