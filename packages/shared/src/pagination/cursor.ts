import { badInput } from '../errors/domain-error';

/**
 * Keyset cursors: the sort key values of the last row seen, opaque to clients.
 * A page continues "after" those values, so deep pages cost the same as the first.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((v) => typeof v === 'string' || typeof v === 'number')) return key;
  } catch {
    // fall through to the error below
  }
  throw badInput('The "after" cursor is not valid for this list', { argument: 'after' });
}

export const MAX_PAGE_SIZE = 100;
/** The page size a list returns when `first` is not given (the gateway's cost estimate assumes it too). */
export const DEFAULT_PAGE_SIZE = 20;

/** Validates `first` and returns the page size; callers fetch one extra row to learn hasNextPage. */
export function pageSize(first: number | null | undefined, defaultSize = DEFAULT_PAGE_SIZE): number {
  const size = first ?? defaultSize;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}`, { argument: 'first' });
  }
  return size;
}
