import type { DataSource, EntityManager } from 'typeorm';

/**
 * Inserts many rows in few statements: each chunk travels as one JSON parameter and is
 * expanded by `jsonb_to_recordset`, which is far faster than one INSERT per row and
 * works the same on PGlite and PostgreSQL. Used by demo seeding and bulk ingest.
 */
export async function bulkInsert(
  db: DataSource | EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
  chunkSize = 5000,
): Promise<void> {
  const names = Object.keys(columns);
  const quoted = names.map((n) => `"${n}"`).join(', ');
  const recordType = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    await db.query(`INSERT INTO ${table} (${quoted}) SELECT ${quoted} FROM jsonb_to_recordset($1::jsonb) AS t(${recordType})`, [JSON.stringify(chunk)]);
  }
}
