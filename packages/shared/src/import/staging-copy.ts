import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';

interface PgliteCopyClient {
  copyFromBlob(sql: string, blob: Blob): Promise<void>;
}
interface PgCopyClient {
  query(stream: ReturnType<typeof copyFrom>): ReturnType<typeof copyFrom>;
}

/**
 * COPYs lines (already in COPY's CSV format) into a staging table on the connection a query
 * runner holds: PostgreSQL streams them with pg-copy-streams (COPY FROM STDIN); PGlite takes
 * the batch as one blob (`COPY … FROM '/dev/blob'`), the same statement fed from memory.
 */
export async function copyIntoStaging(connection: unknown, table: string, columns: string[], lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  if (typeof (connection as PgliteCopyClient).copyFromBlob === 'function') {
    await (connection as PgliteCopyClient).copyFromBlob(sql.replace('FROM STDIN', "FROM '/dev/blob'"), new Blob(lines));
    return;
  }
  const target = (connection as PgCopyClient).query(copyFrom(sql));
  await pipeline(Readable.from(chunked(lines)), target);
}

/** Lines joined into ~64 KiB writes: one write per row would dominate the COPY's cost. */
function* chunked(lines: string[]): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
