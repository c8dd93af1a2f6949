import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeCursor } from '@c360/shared';
import { withClient } from './dataset/database';
import type { Workload } from './load/graphql-target';

/** The committed query files (read from the source tree; tsc does not copy them to dist). */
const query = (name: string) => readFileSync(join(__dirname, '..', '..', 'bench', 'queries', `${name}.graphql`), 'utf8');

export const customer360 = (first: number, after?: string): Workload => ({ query: query('customer-360'), variables: { first, after: after ?? null, orders: 5 } });

export const customerList = (first: number, after?: string): Workload => ({ query: query('customer-list'), variables: { first, after: after ?? null } });

/** A cursor straight at a row of the (created_at, id) order, as the customers subgraph encodes it. */
export async function cursorAtRow(databaseUrl: string, row: number): Promise<string> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query('SELECT created_at, id FROM customers.customer ORDER BY created_at, id OFFSET $1 LIMIT 1', [row - 1]);
    if (!rows[0]) throw new Error(`the data set has no customer row ${row}`);
    return encodeCursor([new Date(rows[0].created_at).toISOString(), rows[0].id]);
  });
}
