import { Readable } from 'node:stream';
import { boundedLines, readImportSettings, readRecords } from '../src';

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
/** The text in chunks of `size` bytes, so lines and characters straddle chunk edges. */
const chunked = (text: string, size: number) => {
  const bytes = Buffer.from(text, 'utf8');
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
};

describe('bounded line reading for imports', () => {
  it('splits lines like readline (\\n, \\r\\n, lone \\r, last line without a break), across chunk edges and multi-byte characters', async () => {
    const lines = await collect(boundedLines(chunked('a\r\nbé€\n\nc\rd\nlast', 3), 100));
    expect(lines).toEqual([
      { text: 'a', bytes: 3 },
      { text: 'bé€', bytes: 7 },
      { text: '', bytes: 1 },
      { text: 'c', bytes: 2 },
      { text: 'd', bytes: 2 },
      { text: 'last', bytes: 4 },
    ]);
  });

  it('reports a line longer than the cap by its size only, never holding it, and goes on with the next line', async () => {
    const secret = 'SECRET-'.repeat(2_000);
    const lines = await collect(boundedLines(chunked(`{"a":1}\n{"note":"${secret}"}\n{"b":2}\n${'x'.repeat(11)}`, 1_000), 10));
    expect(lines).toEqual([{ text: '{"a":1}', bytes: 8 }, { tooLong: true, bytes: secret.length + 12 }, { text: '{"b":2}', bytes: 8 }, { tooLong: true, bytes: 11 }]);
    // A line of exactly the cap is read.
    expect(await collect(boundedLines(chunked('0123456789\n', 4), 10))).toEqual([{ text: '0123456789', bytes: 11 }]);
  });

  it('turns an over-long line into a bad row on (line) or (header) without its content, and keeps line numbers', async () => {
    const secret = 'SECRET-4471';
    const ndjson = await collect(readRecords(Readable.from([`{"a":1}\n{"x":"${secret.repeat(200)}"}\n{"b":2}\n`]), 'ndjson', 1_024));
    expect(ndjson.map((r) => ('fields' in r ? r.lineNo : { lineNo: r.lineNo, ...r.problem }))).toEqual([1, { lineNo: 2, field: '(line)', reason: 'is longer than 1024 bytes' }, 3]);
    expect(JSON.stringify(ndjson)).not.toContain(secret);
    const csv = await collect(readRecords(Readable.from([`${'h'.repeat(2_000)}\na,b\n1,2\n`]), 'csv', 1_024));
    expect(csv.map((r) => ('fields' in r ? r.fields : { lineNo: r.lineNo, ...r.problem }))).toEqual([{ lineNo: 1, field: '(header)', reason: 'is longer than 1024 bytes' }, { a: '1', b: '2' }]);
  });

  it('reads the cap and the retention from the environment once, with defaults and bounds', () => {
    expect(readImportSettings({})).toEqual({ maxLineBytes: 1_048_576, retentionDays: 30 });
    expect(readImportSettings({ IMPORT_MAX_LINE_BYTES: '4096', IMPORT_JOB_RETENTION_DAYS: '7' })).toEqual({ maxLineBytes: 4_096, retentionDays: 7 });
    expect(() => readImportSettings({ IMPORT_MAX_LINE_BYTES: '10' })).toThrow(/IMPORT_MAX_LINE_BYTES/);
    expect(() => readImportSettings({ IMPORT_JOB_RETENTION_DAYS: '0' })).toThrow(/IMPORT_JOB_RETENTION_DAYS/);
  });
});
