import { captureReference, type Target } from '../load/graphql-target';
import type { ServerProcess } from '../servers/ipc';
import { customer360 } from '../workloads';

export interface StatementCount {
  first: number;
  total: number;
  byService: Record<string, number>;
}

/** SQL statements one customer-360 page costs, read from the subgraph process's statement counter. */
export async function countStatements(gateway: Target, subgraphs: ServerProcess, sizes: number[]): Promise<StatementCount[]> {
  const out: StatementCount[] = [];
  for (const first of sizes) {
    const workload = customer360(first);
    await captureReference(gateway, workload); // warm-up: plans and caches
    await subgraphs.command('resetStatements');
    const body = JSON.parse(await captureReference(gateway, workload)) as { data: { customers: { edges: unknown[] } } };
    const counted = await subgraphs.command<{ total: number; byService: Record<string, number> }>('statements');
    if (body.data.customers.edges.length !== first) throw new Error(`customer-360 page of ${first} returned ${body.data.customers.edges.length} customers`);
    out.push({ first, ...counted });
  }
  return out;
}
