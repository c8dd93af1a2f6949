import type { ImportParam, ImportQuery } from './import-kind';
import { insertAliasWriteHops, lockRetired, retiredByMoveMarkers, type RetiredIds } from '../subject-data/retired-customers';

/** Where a retired (merged) customer id resolves: the survivor, and the merge that retired it. */
export interface RetiredCustomer {
  survivorId: string;
  mergeId: string;
}

/** A staged line naming a retired customer id. */
export interface StagedAlias extends RetiredCustomer {
  lineNo: string;
  aliasId: string;
}

/** The four parameters a kind appends to its `prepare` answer so its merge knows the batch's aliased lines. */
export const STAGED_ALIAS_PARAMS = 4;

/** Which staged lines name one of these retired ids, in line order (one statement; none asked, none read). */
export async function stagedAliasLines(query: ImportQuery, records: string, retired: ReadonlyMap<string, RetiredCustomer>): Promise<StagedAlias[]> {
  if (retired.size === 0) return [];
  const rows = await query(`SELECT line_no, customer_id FROM ${records} WHERE customer_id = ANY($1::uuid[]) ORDER BY line_no`, [[...retired.keys()]]);
  return rows.map((row) => {
    const aliasId = String(row.customer_id).toLowerCase();
    return { lineNo: String(row.line_no), aliasId, ...retired.get(aliasId)! };
  });
}

/**
 * The staged lines naming a retired id, resolved under the merge locks of those ids and their
 * survivors (one sorted order, the keys a merge or unmerge step takes), from this subgraph's own record
 * of its merges (`retired`): a merge or unmerge of one of them committed before (seen here) or waits
 * for the batch (and then moves, or gives back, what it wrote). `hinted`: lines the customers subgraph
 * called retired when the batch was checked; their ids are locked too, but only this subgraph's record decides.
 */
export async function lockedStagedAliases(query: ImportQuery, records: string, retired: RetiredIds, hinted: readonly StagedAlias[] = []): Promise<StagedAlias[]> {
  const named = await query(`SELECT DISTINCT s.customer_id::text AS id FROM ${records} s WHERE s.customer_id IN (SELECT r.alias_id FROM (${retired}) r)`);
  const ids = [...new Set([...named.map((r) => String(r.id)), ...hinted.map((l) => l.aliasId)])];
  if (ids.length === 0) return [];
  const resolved = await lockRetired(query, retired, ids, hinted.map((l) => l.survivorId));
  return stagedAliasLines(query, records, resolved);
}

export const stagedAliasParams = (lines: readonly StagedAlias[]): ImportParam[] => [
  { value: lines.map((l) => l.lineNo), type: 'bigint[]' },
  { value: lines.map((l) => l.aliasId), type: 'uuid[]' },
  { value: lines.map((l) => l.survivorId), type: 'uuid[]' },
  { value: lines.map((l) => l.mergeId), type: 'uuid[]' },
];

/** Reads back what `stagedAliasParams` put at the end of the batch's parameters. */
export function stagedAliasesFrom(params: readonly ImportParam[]): StagedAlias[] {
  const [lines, aliases, survivors, merges] = params.slice(-STAGED_ALIAS_PARAMS).map((p) => p.value as string[]);
  return lines.map((lineNo, i) => ({ lineNo, aliasId: aliases[i], survivorId: survivors[i], mergeId: merges[i] }));
}

const asArrays = (lines: readonly StagedAlias[]) => [lines.map((l) => l.lineNo), lines.map((l) => l.aliasId), lines.map((l) => l.survivorId), lines.map((l) => l.mergeId)];
const ALIASES = `unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::uuid[]) AS a(line_no, alias_id, survivor_id, merge_id)`;

/**
 * Re-points staged lines naming a retired id to its survivor, set-wise in the batch's transaction:
 * the merge then writes, compares and replays them as if the survivor had been named, as a single
 * write by a caller who sees every customer (staff, ERP) would land.
 */
export async function repointStagedAliases(query: ImportQuery, records: string, lines: readonly StagedAlias[]): Promise<void> {
  if (lines.length === 0) return;
  await query(`UPDATE ${records} s SET customer_id = a.survivor_id FROM ${ALIASES} WHERE s.line_no = a.line_no`, asArrays(lines));
}

/**
 * After the merge: each row the batch wrote through a retired id (its generated id now stored in
 * `table`) is noted in `<schema>.merge_move` as moved by the merges that retired the id (each of a chain), as
 * single writes note theirs, so an unmerge gives those rows back to the id the feed named.
 */
export async function recordStagedAliasWrites(
  query: ImportQuery,
  target: { schema: string; table: string; records: string; idColumn: string },
  lines: readonly StagedAlias[],
): Promise<void> {
  if (lines.length === 0) return;
  const written = `SELECT a.merge_id, s.${target.idColumn} AS row_id, a.alias_id, a.survivor_id
    FROM ${ALIASES} JOIN ${target.records} s ON s.line_no = a.line_no JOIN ${target.table} t ON t.id = s.${target.idColumn}`;
  await query(insertAliasWriteHops(retiredByMoveMarkers(target.schema), `${target.schema}.merge_move`, target.table, written), asArrays(lines));
}
