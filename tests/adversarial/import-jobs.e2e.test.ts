import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, type GraphQLSchema } from 'graphql';
import { demoCustomerId } from '@c360/shared';
import { storageLabel } from '@c360/shared/testing';
import { IMPORT_KIND_OWNERS } from '../../gateway/src/import-proxy';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { CallerKind } from '../support/test-tokens';
import { probeOperation, type ProbeOperation } from './probe-operations';

/**
 * An import job is its client's: for every import kind the gateway routes and every root field answering an
 * ImportJob (both read from the code and the schema, so a new kind or job field is covered), any other caller
 * gets for that job, byte for byte, the answer for a job id nobody holds: job, bad-row report and graph.
 */
const DEMO = { seed: 23, customers: 3 };
const ALL_WRITE = 'customers:read customers:write orders:read orders:write offers:write catalogue:write stock:write';
const schemaFile = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'schema', name), 'utf8');
const kinds = Object.keys(IMPORT_KIND_OWNERS);

interface Answer {
  status: number;
  text: string;
}

describe(`import jobs and bad-row reports are their client's alone, on ${storageLabel()}`, () => {
  let platform: TestPlatform;
  let schema: GraphQLSchema;
  let base: string;
  let owner: Record<string, string>;
  const jobs = new Map<string, string>();
  const absent = randomUUID();

  const get = async (path: string, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, text: await response.text() };
  };
  const resume = async (kind: string, jobId: string, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(`${base}/import/${kind}?sourceSystem=adv&resume=${jobId}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-ndjson' }, body: '{"externalId": 1}\n' });
    return { status: response.status, text: await response.text() };
  };
  const jobFields = () => Object.values(schema.getQueryType()!.getFields()).filter((f) => getNamedType(f.type).name === 'ImportJob');
  const graphProbe = (fieldName: string, jobId: string): ProbeOperation =>
    probeOperation(schema, [{ typeName: 'Query', fieldName }], ({ arg, enclosingLists }) => (arg.name === 'id' ? { value: jobId, owned: { absent } } : arg.name === 'first' ? { value: [20, 2][enclosingLists] ?? 1 } : undefined), 0);
  const gql = async (op: ProbeOperation, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: op.query, variables }) });
    return { status: response.status, text: await response.text() };
  };
  /** Every place a job can be read from, for the owner's job and for the absent id, answers that differ. */
  const tellingApart = async (headers: Record<string, string>) => {
    const differences: string[] = [];
    const compare = (where: string, real: Answer, missing: Answer, jobId: string) => {
      const a = real.text.split(jobId).join('<id>');
      const b = missing.text.split(absent).join('<id>');
      if (real.status !== missing.status || a !== b) differences.push(`${where}: ${real.status} ${a.slice(0, 200)} vs ${missing.status} ${b.slice(0, 200)}`);
    };
    for (const [kind, jobId] of jobs) {
      for (const suffix of ['', '/bad-rows']) compare(`GET /import/${kind}/jobs/<id>${suffix}`, await get(`/import/${kind}/jobs/${jobId}${suffix}`, headers), await get(`/import/${kind}/jobs/${absent}${suffix}`, headers), jobId);
      // Resuming names a job too: another client's job is refused like an unknown one (and gets no line written to it).
      compare(`POST /import/${kind}?resume=<id>`, await resume(kind, jobId, headers), await resume(kind, absent, headers), jobId);
      for (const field of jobFields()) {
        const op = graphProbe(field.name, jobId);
        compare(`${field.name} (${kind} job)`, await gql(op, op.variables, headers), await gql(op, op.absentVariables!, headers), jobId);
      }
    }
    return differences;
  };

  beforeAll(async () => {
    schema = buildSchema(schemaFile('api.graphql'));
    platform = await startTestPlatform({ demo: DEMO });
    base = new URL(platform.gatewayUrl).origin;
    owner = await platform.tokens.headers(CallerKind.ERP_INTEGRATION, { scope: ALL_WRITE, client_id: 'erp-owner' });
    for (const kind of kinds) {
      // One line every kind refuses: the job exists and has a bad-row report.
      const response = await fetch(`${base}/import/${kind}?sourceSystem=adv`, { method: 'POST', headers: { ...owner, 'content-type': 'application/x-ndjson' }, body: '{"externalId": 1}\n' });
      const body = (await response.json()) as { job?: { id: string } };
      if (!body.job) throw new Error(`no job for ${kind}: ${JSON.stringify(body)}`);
      jobs.set(kind, body.job.id);
    }
  }, 180_000);
  afterAll(() => platform?.close());

  it('starts a job of every kind, and reads every root field answering an ImportJob', () => {
    expect([...jobs.keys()]).toEqual(kinds);
    expect(jobFields().map((f) => f.name)).toEqual(expect.arrayContaining(['importJob', 'customerImportJob', 'offerResponseImportJob']));
  });

  it('tells its own jobs apart from an unknown id for the client that started them (the comparison can fail)', async () => {
    const differences = await tellingApart(owner);
    for (const kind of kinds) expect(differences.some((d) => d.startsWith(`GET /import/${kind}/jobs/<id>:`))).toBe(true);
  }, 120_000);

  it('refuses to resume a finished job without quoting its id back', async () => {
    for (const [kind, jobId] of jobs) {
      const answer = await resume(kind, jobId, owner);
      expect({ kind, status: answer.status, code: (JSON.parse(answer.text) as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code }).toEqual({ kind, status: 409, code: 'CONFLICT' });
      expect(answer.text).not.toContain(jobId);
    }
  });

  const others: [string, CallerKind, Record<string, string>][] = [
    ['another ERP client with every import scope', CallerKind.ERP_INTEGRATION, { scope: ALL_WRITE, client_id: 'erp-other' }],
    ['the same client id under another kind of token', CallerKind.INTERNAL_APP, { client_id: 'erp-owner' }],
    ['a partner', CallerKind.PARTNER, { partner_id: 'partner-nordic-travel' }],
    ['a partner token carrying the ERP client id', CallerKind.PARTNER, { partner_id: 'partner-nordic-travel', client_id: 'erp-owner' }],
    ['a customer', CallerKind.CUSTOMER, { customer_id: demoCustomerId(DEMO, 0) }],
    ['BI', CallerKind.BI, {}],
    ['staff with privacy:admin', CallerKind.INTERNAL_APP, { client_id: 'privacy-desk', scope: 'customers:read privacy:admin' }],
  ];

  it.each(others)('%s: every job of the client answers byte for byte like a job id nobody holds', async (_name, kind, claims) => {
    expect(await tellingApart(await platform.tokens.headers(kind, claims))).toEqual([]);
  }, 120_000);
});
