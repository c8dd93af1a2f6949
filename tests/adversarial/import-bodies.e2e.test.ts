import { randomUUID } from 'node:crypto';
import { storageLabel } from '@c360/shared/testing';
import { IMPORT_KIND_OWNERS } from '../../gateway/src/import-proxy';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';

/**
 * Hostile bodies posted to EVERY import kind the gateway routes (a new kind is covered without
 * touching this file): each is a typed 4xx or a finished job with bad rows, never a 5xx, a FAILED
 * job or an answer that quotes what was sent.
 */
const CANARY = 'zq-canary-7f3';
const ALL_WRITE = 'customers:read customers:write orders:read orders:write offers:write catalogue:write stock:write';

/** A plausible value for every field any kind reads, so each hostile value reaches its own column's typing. */
const plausible = (): Record<string, unknown> => ({
  externalId: `${CANARY}-${randomUUID()}`,
  customerId: randomUUID(),
  offerId: randomUUID(),
  orderId: randomUUID(),
  acquisitionChannel: 'WEB',
  displayName: CANARY,
  channel: 'WEB',
  kind: 'PASSIVE',
  type: 'PAGE_VIEW',
  occurredAt: '2024-01-02T03:04:05Z',
  asOf: '2024-01-02T03:04:05Z',
  attributes: { note: CANARY },
  sku: `${CANARY}-sku`,
  snapshotId: `${CANARY}-snap`,
  level: 3,
  name: CANARY,
  category: 'Garden',
  price: 1.5,
  currency: 'EUR',
  active: true,
  status: 'COMPLETED',
  lines: [{ sku: `${CANARY}-sku`, quantity: 1, unitPrice: 1.5 }],
});

const DEEP = 20_000;
/** Values a client might send by mistake or on purpose (as JSON text), each in place of one field. */
const HOSTILE: Record<string, string> = {
  'NUL inside': JSON.stringify(`${CANARY}\u0000x`),
  'far-future time': JSON.stringify('9999-12-31T23:59:59-14:00'),
  'far-past time': JSON.stringify('0001-01-01T00:00:00+14:00'),
  'deeply nested array': '['.repeat(DEEP) + ']'.repeat(DEEP),
  'deeply nested object': '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP),
  'huge number': '1e308',
  'long text': JSON.stringify(CANARY.repeat(20_000)),
  object: JSON.stringify({ [CANARY]: CANARY }),
};
const HOLE = '"__hostile__"';

/** Whole bodies, independent of any kind's fields. */
const BODIES: Record<string, { contentType?: string; body: string | Buffer }> = {
  empty: { contentType: 'application/x-ndjson', body: '' },
  'only blank lines': { contentType: 'application/x-ndjson', body: '\n\n\r\n' },
  'byte-order mark': { contentType: 'application/x-ndjson', body: `\uFEFF${JSON.stringify(plausible())}\n` },
  'not JSON': { contentType: 'application/x-ndjson', body: `{"externalId": "${CANARY}"\n[${CANARY}]\n"${CANARY}"\nnull\n` },
  'raw NUL byte': { contentType: 'application/x-ndjson', body: `{"externalId":"${CANARY}\u0000"}\n` },
  'invalid UTF-8': { contentType: 'application/x-ndjson', body: Buffer.concat([Buffer.from(`{"externalId":"${CANARY}`), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')]) },
  'deep JSON line': { contentType: 'application/x-ndjson', body: '['.repeat(200_000) + ']'.repeat(200_000) + '\n' },
  'CSV with broken quotes': { contentType: 'text/csv', body: `externalId,customerId\n"${CANARY},x\n${CANARY},"y\n` },
  'CSV header only, with NUL': { contentType: 'text/csv', body: `external\u0000Id,${CANARY}\n` },
  'CSV with BOM': { contentType: 'text/csv; charset=utf-8', body: `\uFEFFexternalId,customerId\n${CANARY},${randomUUID()}\n` },
  'wrong content type': { contentType: 'application/json', body: JSON.stringify(plausible()) },
  'no content type': { body: JSON.stringify(plausible()) },
};

interface Answer {
  status: number;
  text: string;
}

describe(`every import kind against hostile bodies through the gateway on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let base: string;
  let erp: Record<string, string>;

  beforeAll(async () => {
    platform = await startTestPlatform();
    base = new URL(platform.gatewayUrl).origin;
    erp = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: ALL_WRITE, client_id: `adversary-${randomUUID()}` });
  });
  afterAll(() => platform.close());

  const post = async (kind: string, body: string | Buffer, contentType?: string): Promise<Answer> => {
    const headers: Record<string, string> = { ...erp };
    if (contentType) headers['content-type'] = contentType;
    const response = await fetch(`${base}/import/${kind}`, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text() };
  };

  /** Typed 4xx, or a DONE job whose bad-row report quotes nothing that was sent. */
  const expectClean = async (kind: string, answer: Answer, label: string) => {
    const where = `${kind} / ${label}: ${answer.status} ${answer.text.slice(0, 300)}`;
    expect({ where, serverError: answer.status >= 500 }).toEqual({ where, serverError: false });
    expect(answer.text).not.toContain(CANARY);
    const parsed = JSON.parse(answer.text) as { job?: { id: string; state: string }; errors?: { extensions: { code: string } }[] };
    if (answer.status !== 200) {
      expect(parsed.errors?.[0].extensions.code).toMatch(/^[A-Z_]+$/);
      expect(parsed.errors?.[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
      return;
    }
    expect({ where, state: parsed.job!.state }).toEqual({ where, state: 'DONE' });
    const report = await fetch(`${base}/import/${kind}/jobs/${parsed.job!.id}/bad-rows`, { headers: erp });
    expect(report.status).toBe(200);
    expect(await report.text()).not.toContain(CANARY);
  };

  const kinds = Object.keys(IMPORT_KIND_OWNERS);

  it.each(kinds)('%s: whole bodies that are empty, not JSON, not UTF-8, not CSV or of the wrong type', async (kind) => {
    for (const [label, { contentType, body }] of Object.entries(BODIES)) await expectClean(kind, await post(kind, body, contentType), label);
  }, 120_000);

  /**
   * One job per kind carries every (field, hostile value) pair, one pair per line: each line must end as a
   * row or a bad row of its own (a line that broke its batch, or the job, would show in the counts or the
   * state), and nothing sent comes back. One job rather than one per pair keeps this file's run short.
   */
  const expectEveryLineAccounted = async (kind: string, answer: Answer, lines: number, label: string) => {
    await expectClean(kind, answer, label);
    // A well-formed body with one bad field per line is a job, never a refusal of the whole body.
    const { job } = JSON.parse(answer.text) as { job?: { counts: Record<'read' | 'inserted' | 'updated' | 'unchanged' | 'rejected', number> } };
    expect({ kind, label, status: answer.status }).toEqual({ kind, label, status: 200 });
    const { read, inserted, updated, unchanged, rejected } = job!.counts;
    expect({ kind, label, read, settled: inserted + updated + unchanged + rejected }).toEqual({ kind, label, read: lines, settled: lines });
  };

  it.each(kinds)('%s: a hostile value in place of each field, as NDJSON', async (kind) => {
    const lines: string[] = [];
    for (const field of Object.keys(plausible())) {
      for (const value of Object.values(HOSTILE)) lines.push(JSON.stringify({ ...plausible(), [field]: '__hostile__' }).replace(HOLE, value));
    }
    await expectEveryLineAccounted(kind, await post(kind, `${lines.join('\n')}\n`, 'application/x-ndjson'), lines.length, 'NDJSON, one hostile field per line');
  }, 600_000);
  /** A CSV cell holding JSON text (as an orders' lines or an interaction's attributes cell does), or plain text. */
  const csvCell = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `"${text.replace(/"/g, '""')}"`;
  };

  it.each(kinds)('%s: a hostile value in place of each field, as CSV', async (kind) => {
    const hostile: Record<string, string> = {
      'NUL inside': `${CANARY}\u0000x`,
      'far-future time': '9999-12-31T23:59:59-14:00',
      'deeply nested JSON text': '['.repeat(DEEP) + ']'.repeat(DEEP),
      'deeply nested object text': '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP),
      'unbalanced JSON text': `{"${CANARY}": [`,
    };
    const header = Object.keys(plausible()).join(',');
    const rows: string[] = [];
    for (const field of Object.keys(plausible())) {
      for (const value of Object.values(hostile)) rows.push(Object.values({ ...plausible(), [field]: value }).map(csvCell).join(','));
    }
    await expectEveryLineAccounted(kind, await post(kind, `${header}\n${rows.join('\n')}\n`, 'text/csv'), rows.length, 'CSV, one hostile field per row');
  }, 600_000);
});
