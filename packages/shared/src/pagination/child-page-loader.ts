import DataLoader from 'dataloader';
import { decodeCursor, encodeCursor, pageSize, type CursorKey, type CursorShape } from './cursor';
import { toPage, type Page } from './connection.type';

export interface ChildPageRequest {
  parentId: string;
  first?: number | null;
  after?: string | null;
}

export interface ChildPageRows<TRow> {
  /** Rows of all requested parents, at most `size + 1` per parent. */
  rows: TRow[];
  /** Number of children per parent over the whole list (not just the page). */
  totals: Map<string, number>;
}

export interface ChildPageLoaderOptions<TRow, TNode> {
  /** Fetches one page (size + 1 rows) for every parent in one statement. */
  fetch(parentIds: string[], size: number, after: CursorKey | undefined): Promise<ChildPageRows<TRow>>;
  parentOf(row: TRow): string;
  cursorKeyOf(row: TRow): CursorKey;
  cursorShape: CursorShape;
  /** Names the list, so a cursor of one list (say, sorted by a withheld time) is refused by every other list and parent. */
  cursorList: string;
  toNode(row: TRow): TNode;
  defaultSize?: number;
}

/**
 * A per-request loader for "a page of X per parent" fields (Customer.orders,
 * Customer.interactions). Keys with the same page arguments are fetched together, so a
 * list of N parents costs one statement, not N.
 */
export function createChildPageLoader<TRow, TNode>(options: ChildPageLoaderOptions<TRow, TNode>) {
  return new DataLoader<ChildPageRequest, Page<TNode>, string>(
    async (requests) => {
      const groups = new Map<string, { size: number; after?: CursorKey; parentIds: Set<string> }>();
      const parsed = requests.map((request) => {
        const size = pageSize(request.first, options.defaultSize);
        const after = request.after ? decodeCursor(request.after, options.cursorShape, `${options.cursorList}/${request.parentId}`) : undefined;
        const groupKey = JSON.stringify([size, after ?? null]);
        const group = groups.get(groupKey) ?? { size, after, parentIds: new Set<string>() };
        group.parentIds.add(request.parentId);
        groups.set(groupKey, group);
        return { groupKey, size };
      });
      const results = new Map<string, Map<string, TRow[]>>();
      const totalsByGroup = new Map<string, Map<string, number>>();
      for (const [groupKey, group] of groups) {
        const { rows, totals } = await options.fetch([...group.parentIds], group.size, group.after);
        const byParent = new Map<string, TRow[]>();
        for (const row of rows) {
          const parent = options.parentOf(row);
          const list = byParent.get(parent) ?? [];
          list.push(row);
          byParent.set(parent, list);
        }
        results.set(groupKey, byParent);
        totalsByGroup.set(groupKey, totals);
      }
      return requests.map((request, i) => {
        const { groupKey, size } = parsed[i];
        const rows = results.get(groupKey)?.get(request.parentId) ?? [];
        const total = totalsByGroup.get(groupKey)?.get(request.parentId) ?? 0;
        return toPage(rows, size, total, (row) => encodeCursor(options.cursorKeyOf(row), `${options.cursorList}/${request.parentId}`), options.toNode);
      });
    },
    { cacheKeyFn: (request) => JSON.stringify([request.parentId, request.first ?? null, request.after ?? null]) },
  );
}
