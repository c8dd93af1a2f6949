import { MAX_JSON_DEPTH, nestsDeeperThan, type ImportParam, type ImportQuery } from '@c360/shared';

/** What the checks and the merge read from `prepare`, in parameter order ($3 onwards). */
export const INTERACTION_PARAMS = { badAttributes: 3, parsedLines: 4, parsedAttributes: 5, now: 6 } as const;

/** recordInteraction's limit on the attributes, measured the same way (compact JSON). */
export const MAX_ATTRIBUTES_BYTES = 16_384;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Attributes must be a JSON object under recordInteraction's size limit. A CSV cell holds the
 * object as JSON text, parsed here (PostgreSQL 15 cannot test whether text is JSON without
 * failing the statement). Only rows that could break a rule are read: a jsonb object whose text
 * (never shorter than compact JSON) is within the limit passes without a look.
 */
export async function interactionBatchFacts(query: ImportQuery, records: string, now: Date): Promise<ImportParam[]> {
  const rows = await query(
    `SELECT line_no, attributes FROM ${records} WHERE attributes IS NOT NULL AND (jsonb_typeof(attributes) <> 'object' OR length(attributes::text) > ${MAX_ATTRIBUTES_BYTES})`,
  );
  const bad: string[] = [];
  const parsedLines: string[] = [];
  const parsed: string[] = [];
  for (const row of rows) {
    let value = row.attributes;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        value = undefined;
      }
    }
    // Too deep to stringify (or for jsonb) is as bad as not an object: never a stack overflow that fails the batch.
    const json = isObject(value) && !nestsDeeperThan(value, MAX_JSON_DEPTH) ? JSON.stringify(value) : undefined;
    if (json === undefined || json.length > MAX_ATTRIBUTES_BYTES) bad.push(String(row.line_no));
    else if (typeof row.attributes === 'string') {
      parsedLines.push(String(row.line_no));
      parsed.push(json);
    }
  }
  return [
    { value: bad, type: 'bigint[]' },
    { value: parsedLines, type: 'bigint[]' },
    { value: parsed, type: 'text[]' },
    { value: now, type: 'timestamptz' },
  ];
}
