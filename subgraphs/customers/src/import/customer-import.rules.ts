import { isEmail, isISO31661Alpha2 } from 'class-validator';
import type { CountryCode } from 'libphonenumber-js';
import type { ImportParam, ImportQuery } from '@c360/shared';
import { e164Of } from '../customer/phone-number';

/** The source system's external ids that belonged to an erased customer (the subject-data tombstones). */
export interface ErasedExternalIds {
  erasedAmong(ids: readonly { system: string; id: string }[]): Promise<{ system: string; id: string }[]>;
  /** Each id's tombstone hash, in order: the batch's transaction looks them up again (see rejectErasedSinceFacts). */
  identityHashes(ids: readonly { system: string; id: string }[]): Promise<string[]>;
}

/**
 * What the checks and the merge read from `prepare`, in parameter order ($3 onwards): the lines
 * each JavaScript-only rule refused, and each line's identities normalised as the mutations do.
 */
export const CUSTOMER_PARAMS = { erased: 3, badEmail: 4, badPhone: 5, badBirthDate: 6, badCountry: 7, lines: 8, emails: 9, phones: 10, hashes: 11 } as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD, as the LocalDate scalar reads it) not after today. */
function isPastDate(text: string, now: Date): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) && date <= now;
}

interface StagedIdentity {
  line_no: string;
  external_id: string;
  email: string | null;
  phone: string | null;
  birth_date: string | null;
  country_code: string | null;
}

/**
 * The per-value rules SQL cannot apply the way createCustomer does (class-validator's e-mail and
 * country rules, libphonenumber's E.164), run once per batch over its staged rows, plus which
 * external ids are tombstoned (the tombstone is keyed, so it is hashed here, not in SQL), and each line's hash.
 */
export async function customerBatchFacts(query: ImportQuery, records: string, sourceSystem: string, region: CountryCode, erased: ErasedExternalIds, now: Date): Promise<ImportParam[]> {
  const rows = (await query(`SELECT line_no, external_id, email, phone, birth_date, country_code FROM ${records}`)) as unknown as StagedIdentity[];
  const bad = { email: [] as string[], phone: [] as string[], birthDate: [] as string[], country: [] as string[] };
  const lines: string[] = [];
  const emails: (string | null)[] = [];
  const phones: (string | null)[] = [];
  for (const row of rows) {
    const phone = row.phone === null ? null : e164Of(row.phone, region);
    if (row.email !== null && (row.email.length > 254 || !isEmail(row.email))) bad.email.push(row.line_no);
    if (phone === undefined) bad.phone.push(row.line_no);
    if (row.birth_date !== null && !isPastDate(row.birth_date, now)) bad.birthDate.push(row.line_no);
    if (row.country_code !== null && !isISO31661Alpha2(row.country_code)) bad.country.push(row.line_no);
    lines.push(row.line_no);
    emails.push(row.email?.toLowerCase() ?? null);
    phones.push(phone ?? null);
  }
  const ids = [...new Set(rows.map((r) => r.external_id))].map((id) => ({ system: sourceSystem, id }));
  const gone = new Set((await erased.erasedAmong(ids)).map((e) => e.id));
  // Each line's tombstone hash, aligned with `lines`: an erasure committing after this read is caught in the batch's transaction.
  const hashes = await erased.identityHashes(rows.map((r) => ({ system: sourceSystem, id: r.external_id })));
  const lineList = (values: string[]): ImportParam => ({ value: values, type: 'bigint[]' });
  return [
    lineList(rows.filter((r) => gone.has(r.external_id)).map((r) => r.line_no)),
    lineList(bad.email),
    lineList(bad.phone),
    lineList(bad.birthDate),
    lineList(bad.country),
    lineList(lines),
    { value: emails, type: 'text[]' },
    { value: phones, type: 'text[]' },
    { value: hashes, type: 'text[]' },
  ];
}
