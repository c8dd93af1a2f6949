import type { Readable } from 'node:stream';

/** One line of a stream (without its line break), or the size of one that was longer than allowed. */
export type BoundedLine = { text: string; bytes: number } | { tooLong: true; bytes: number };

const NEWLINE = 0x0a;

/**
 * Splits a stream into lines (`\n` or `\r\n`, and a lone `\r` as readline does) holding at most
 * `maxBytes` of any line: a longer line is dropped as it streams by and reported by its size only,
 * so one enormous line never sits in memory. `bytes` counts the line break.
 */
export async function* boundedLines(source: Readable, maxBytes: number): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let skipped = -1; // bytes of an over-long line so far, -1 when not skipping
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(NEWLINE, start);
      const end = newline < 0 ? buffer.length : newline;
      if (skipped >= 0) skipped += end - start;
      else if (held + end - start > maxBytes) {
        skipped = held + end - start;
        parts = [];
        held = 0;
      } else if (end > start) {
        parts.push(buffer.subarray(start, end));
        held += end - start;
      }
      if (newline < 0) break;
      if (skipped >= 0) yield { tooLong: true, bytes: skipped + 1 };
      else yield* split(parts, held, 1);
      parts = [];
      held = 0;
      skipped = -1;
      start = newline + 1;
    }
  }
  if (skipped >= 0) yield { tooLong: true, bytes: skipped };
  else if (held > 0) yield* split(parts, held, 0);
}

/** A held line decoded whole (a character may span chunks), split at lone carriage returns. */
function* split(parts: Buffer[], held: number, lineBreak: number): Generator<BoundedLine> {
  let text = parts.length === 1 ? parts[0].toString('utf8') : Buffer.concat(parts, held).toString('utf8');
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (!text.includes('\r')) return yield { text, bytes: held + lineBreak };
  const pieces = text.split('\r');
  for (let i = 0; i < pieces.length; i++) yield { text: pieces[i], bytes: Buffer.byteLength(pieces[i]) + (i < pieces.length - 1 ? 1 : lineBreak) };
}
