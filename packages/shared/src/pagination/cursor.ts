import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { badInput } from '../errors/domain-error';

/**
 * Keyset cursors: the sort key values of the last row seen, opaque to clients.
 * A page continues "after" those values, so deep pages cost the same as the first.
 */
export type CursorKey = readonly (string | number)[];

/** What each value of a cursor must be; a hand-edited cursor is refused before it reaches SQL. */
export type CursorPart = 'timestamp' | 'uuid' | 'integer' | 'text';
export type CursorShape = readonly CursorPart[];

/** The usual keyset: creation or event time, then the row's UUID to break ties. */
export const TIME_ID_CURSOR: CursorShape = ['timestamp', 'uuid'];
export const SEQ_CURSOR: CursorShape = ['integer'];
export const TEXT_CURSOR: CursorShape = ['text'];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEXT = 200;

function fits(value: unknown, part: CursorPart): boolean {
  switch (part) {
    // Only what encodeCursor writes (Date#toISOString) round-trips; anything else was edited.
    case 'timestamp':
      return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    // bigint columns arrive as strings from some drivers.
    case 'integer':
      return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^-?\d{1,18}$/.test(value));
    case 'text':
      return typeof value === 'string' && value.length <= MAX_TEXT && !value.includes('\u0000');
  }
}

// Sort keys can be withheld values (an order's occurredAt): cursors are sealed with AES-256-GCM.
let cursorKey = randomBytes(32);

/** Derives the cursor key from the shared caller signing key, so every replica reads every cursor. */
export function useCursorKey(secret: string): void {
  cursorKey = createHash('sha256').update(`c360 cursor key\0${secret}`).digest();
}

/** `list` binds a cursor to the list (and parent) it was issued for: elsewhere it is not a cursor at all. */
export function encodeCursor(key: CursorKey, list = ''): string {
  const plain = JSON.stringify(key);
  // Synthetic IV (HMAC of the key): the same position gives the same cursor, so equal answers stay byte-equal.
  const iv = createHmac('sha256', cursorKey).update(`${list}\0${plain}`).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', cursorKey, iv);
  cipher.setAAD(Buffer.from(list, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

function openCursor(cursor: string, list: string): string {
  const bytes = Buffer.from(cursor, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', cursorKey, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(list, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
}

export function decodeCursor(cursor: string, shape: CursorShape, list = ''): CursorKey {
  try {
    const key = cursor.length <= 1_000 ? (JSON.parse(openCursor(cursor, list)) as unknown) : undefined;
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => fits(v, shape[i]))) return key as CursorKey;
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
