import type { Readable } from 'node:stream';
import { boundedLines } from './bounded-lines';

export type ImportFormat = 'ndjson' | 'csv';

/** One record of the file: its 1-based line number, the parsed fields or why it could not be parsed. */
export type SourceRecord = { lineNo: number; bytes: number } & ({ fields: Record<string, unknown> } | { problem: { field: string; reason: string } });

export const formatOf = (fileName: string): ImportFormat | undefined => (/\.ndjson$|\.jsonl$/i.test(fileName) ? 'ndjson' : /\.csv$/i.test(fileName) ? 'csv' : undefined);

/** Splits one CSV line (RFC 4180 quoting; a record is one line). Undefined when the quoting is broken. */
export function splitCsvLine(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return undefined;
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      out.push(value);
      if (i === line.length) return out;
      if (line[i] !== ',') return undefined;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/**
 * Reads records one at a time from a stream (never the whole file): NDJSON, or CSV with a
 * header row (an empty CSV field is absent; a CSV field holding an array is JSON).
 * Blank lines are skipped but still counted, so line numbers match the file. A line longer than
 * `maxLineBytes` is a bad row (its content is neither kept nor quoted) and the file goes on.
 */
export async function* readRecords(source: Readable, format: ImportFormat, maxLineBytes: number): AsyncGenerator<SourceRecord> {
  let lineNo = 0;
  let header: string[] | undefined;
  for await (const read of boundedLines(source, maxLineBytes)) {
    lineNo++;
    const bytes = read.bytes;
    if ('tooLong' in read) {
      yield { lineNo, bytes, problem: { field: format === 'csv' && !header ? '(header)' : '(line)', reason: `is longer than ${maxLineBytes} bytes` } };
      continue;
    }
    const line = read.text;
    if (line.trim() === '') continue;
    if (format === 'ndjson') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        yield { lineNo, bytes, problem: { field: '(line)', reason: 'not valid JSON' } };
        continue;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) yield { lineNo, bytes, problem: { field: '(line)', reason: 'not a JSON object' } };
      else yield { lineNo, bytes, fields: parsed as Record<string, unknown> };
      continue;
    }
    const cells = splitCsvLine(line);
    if (!header) {
      header = cells?.map((c) => c.trim());
      if (!header) yield { lineNo, bytes, problem: { field: '(header)', reason: 'the CSV header is not valid CSV' } };
      continue;
    }
    if (!cells) yield { lineNo, bytes, problem: { field: '(line)', reason: 'not valid CSV (unbalanced quotes)' } };
    else if (cells.length !== header.length) yield { lineNo, bytes, problem: { field: '(line)', reason: `has ${cells.length} fields, the header has ${header.length}` } };
    else yield { lineNo, bytes, fields: Object.fromEntries(header.map((name, i) => [name, cells[i] === '' ? undefined : cells[i]])) };
  }
}
