import { randomUUID } from 'node:crypto';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import type { ImportChildStage, ImportColumn, ImportColumnType, ImportStage } from './import-kind';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** A record ready for COPY: the parent's cells and each child's cells (line number and index first). */
export interface StagedRecord {
  record: (string | null)[];
  children: (string | null)[][];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^-?\d{1,10}$/;
const NUMERIC = /^-?\d{1,15}(\.\d{1,6})?$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Types one value; the reason never quotes the value. */
function cell(value: unknown, type: ImportColumnType): { ok: string } | { reason: string } {
  if (type === 'jsonb' && nestsDeeperThan(value, MAX_JSON_DEPTH)) return { reason: `must not nest deeper than ${MAX_JSON_DEPTH} levels` };
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  // PostgreSQL text cannot hold NUL: left in, one row would fail the whole batch's COPY.
  if (text?.includes('\u0000') || (type === 'jsonb' && JSON.stringify(value).includes('\\u0000'))) return { reason: 'must not contain NUL characters' };
  switch (type) {
    case 'jsonb':
      return { ok: JSON.stringify(value) };
    case 'text':
      return text === undefined ? { reason: 'must be text' } : { ok: text };
    case 'uuid':
      return text !== undefined && UUID.test(text) ? { ok: text.toLowerCase() } : { reason: 'must be a UUID' };
    case 'integer':
      return text !== undefined && INTEGER.test(text) && Math.abs(Number(text)) <= 2_147_483_647 ? { ok: String(Number(text)) } : { reason: 'must be a whole number' };
    case 'numeric':
      return text !== undefined && NUMERIC.test(text) ? { ok: text } : { reason: 'must be a decimal number' };
    case 'boolean':
      return text === 'true' || text === 'false' ? { ok: text } : { reason: 'must be true or false' };
    case 'timestamptz': {
      const time = text !== undefined && ISO_TIME.test(text) ? new Date(text) : undefined;
      // Years 1-9999 in UTC: an offset can push 9999-12-31 into year 10000, which toISOString writes as +010000 and COPY refuses for the whole batch.
      const year = time?.getUTCFullYear() ?? Number.NaN;
      return time && year >= 1 && year <= 9999 ? { ok: time.toISOString() } : { reason: 'must be an ISO 8601 date-time' };
    }
  }
}

function cellsOf(fields: Record<string, unknown>, columns: ImportColumn[], prefix: string, lead: string[]): (string | null)[] | FieldProblem {
  const row: (string | null)[] = [...lead];
  for (const column of columns) {
    if (column.generated) {
      row.push(randomUUID());
      continue;
    }
    const value = fields[column.field];
    if (value === undefined || value === null) {
      if (column.required) return { field: prefix + column.field, reason: 'is required' };
      row.push(null);
      continue;
    }
    const typed = cell(value, column.type);
    if ('reason' in typed) return { field: prefix + column.field, reason: typed.reason };
    row.push(typed.ok);
  }
  return row;
}

/** Types a parsed record into staging rows, or names the first field that cannot be typed. */
export function stageRecord(lineNo: number, fields: Record<string, unknown>, records: ImportStage, children?: ImportChildStage): StagedRecord | FieldProblem {
  const record = cellsOf(fields, records.columns, '', [String(lineNo)]);
  if (!Array.isArray(record)) return record;
  if (!children) return { record, children: [] };
  let items = fields[children.field];
  if (typeof items === 'string') {
    try {
      items = JSON.parse(items);
    } catch {
      return { field: children.field, reason: 'must be a JSON array' };
    }
  }
  if (!Array.isArray(items)) return { field: children.field, reason: items === undefined ? 'is required' : 'must be an array' };
  if (items.length === 0 || items.length > children.maxItems) return { field: children.field, reason: `must hold 1 to ${children.maxItems} items` };
  const rows: (string | null)[][] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as unknown;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return { field: `${children.field}[${i}]`, reason: 'must be an object' };
    const row = cellsOf(item as Record<string, unknown>, children.columns, `${children.field}[${i}].`, [String(lineNo), String(i)]);
    if (!Array.isArray(row)) return row;
    rows.push(row);
  }
  return { record, children: rows };
}

/** One row in COPY's CSV format: NULL is an empty unquoted field, everything else is quoted when needed. */
export function copyLine(cells: (string | null)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (i > 0) line += ',';
    if (value === null) continue;
    line += value === '' || /[",\n\r\\]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }
  return `${line}\n`;
}
