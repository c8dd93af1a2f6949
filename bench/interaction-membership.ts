import 'reflect-metadata';
import { CallerKind, enforcementOffDecider, openServiceDataSource, openStorage, type Caller, type PeerClient } from '@c360/shared';
import { customersSubgraph } from '../subgraphs/customers/src';
import { InteractionChannel, InteractionKind } from '../subgraphs/customers/src/interaction/interaction.enums';
import { InteractionRepository } from '../subgraphs/customers/src/interaction/interaction.repository';
import { InteractionService } from '../subgraphs/customers/src/interaction/interaction.service';
import { RemoteConditions } from '../subgraphs/customers/src/segment/remote-conditions';
import { SegmentFollower } from '../subgraphs/customers/src/segment/segment-follower';
import { SegmentReleases } from '../subgraphs/customers/src/segment/segment-releases';
import { SegmentRepository } from '../subgraphs/customers/src/segment/segment.repository';
import { SegmentService } from '../subgraphs/customers/src/segment/segment.service';
import { CustomerSubjectDataRepository } from '../subgraphs/customers/src/subject-data/subject-data.repository';

const USAGE = `npm run bench:interactions [-- --customers N] [--interactions M] [--segments S]
  The cost of incremental membership (issue 14 §2): M interactions recorded one after another
  through the customers subgraph's InteractionService, once without and once with the segment
  follower (every segment reading interactions re-evaluated for that customer before the call
  returns), over N customers and S interaction segments. Prints interactions/s and p50/p95 per call,
  then checks the incrementally kept memberships against a full re-evaluation.
  In process, consent enforcement off (a fixed decider: no consent round trip), no peer conditions.
  PGlite in memory by default; DATABASE_URL=postgres://... runs on PostgreSQL (its customers schema is wiped).
  --customers N     (default 10000)   --interactions M  (default 500)   --segments S  (default 4)`;

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const log = (line: string) => process.stdout.write(`${line}\n`);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const uuidFrom = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const CALLER: Caller = { clientId: 'bench', kind: CallerKind.INTERNAL_APP, scopes: ['customers:read', 'customers:write'], purpose: 'SERVICE' };
const noPeers: PeerClient = { query: async () => Promise.reject(new Error('no peers in this benchmark')) } as unknown as PeerClient;
const CATEGORIES = ['Garden', 'Kitchen', 'Books', 'Toys', 'Outdoor', 'Beauty'];

const RULES = [
  { condition: { field: 'INTERACTION_ATTRIBUTE_NUMBER', operator: 'GTE', values: ['9'], attributeKey: 'nps', interactionType: 'SURVEY_ANSWER', withinDays: 90 } },
  { all: [{ condition: { field: 'INTERACTION_COUNT', operator: 'GTE', values: ['3'], interactionType: 'PAGE_VIEW', withinDays: 7 } }, { condition: { field: 'INTERACTION_ATTRIBUTE', operator: 'EQ', values: ['Garden'], attributeKey: 'category' } }] },
  { condition: { field: 'INTERACTION_KIND', operator: 'EQ', values: ['ACTIVE'], withinDays: 30 } },
  { condition: { field: 'INTERACTION_CHANNEL', operator: 'IN', values: ['MOBILE', 'STORE'], withinDays: 30 } },
];

async function main() {
  if (process.argv.includes('--help')) return log(USAGE);
  const customers = argument('--customers', 10_000);
  const interactions = argument('--interactions', 500);
  const segmentCount = argument('--segments', 4);
  const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL });
  const dataSource = await openServiceDataSource(storage, { service: 'customers', ...customersSubgraph.storage });
  await dataSource.query('TRUNCATE customers.segment_member, customers.segment_version, customers.segment, customers.interaction, customers.customer CASCADE');
  await dataSource.query(
    `INSERT INTO customers.customer (id, display_name, locale, acquisition_channel, created_at, updated_at)
     SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(k), 12, '0'))::uuid, 'Bench ' || k, 'en', 'WEB', now(), now() FROM generate_series(1, $1::int) k`,
    [customers],
  );
  // Some history, so the conditions scan real timelines: two interactions per customer.
  await dataSource.query(
    `INSERT INTO customers.interaction (id, customer_id, channel, kind, type, occurred_at, attributes)
     SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (k % $1::int)), 12, '0'))::uuid, 'WEB', 'PASSIVE', 'PAGE_VIEW', now() - (k % 20) * interval '1 day', jsonb_build_object('category', (ARRAY['Garden','Kitchen','Books'])[1 + k % 3])
     FROM generate_series(1, $1::int * 2) k`,
    [customers],
  );
  const segments = new SegmentRepository(dataSource);
  const releases = new SegmentReleases(enforcementOffDecider);
  const remote = new RemoteConditions(noPeers);
  const service = new SegmentService(segments, remote, { maxAgeSeconds: 86_400, refreshSeconds: 0, sizeHistoryDays: 90, followRetryMs: 5000 }, releases);
  for (let i = 0; i < segmentCount; i++) await service.create({ name: `bench ${i}`, rule: RULES[i % RULES.length] as never }, CALLER);
  const follower = new SegmentFollower(segments, remote, releases, CALLER);
  const subjectData = new CustomerSubjectDataRepository(dataSource);
  const repository = new InteractionRepository(dataSource);
  const plain = new InteractionService(repository, subjectData);
  const following = new InteractionService(repository, subjectData, (ids) => follower.interactionsRecorded(ids));

  let n = 0;
  const next = () => {
    n++;
    const survey = n % 4 === 0;
    return {
      customerId: uuidFrom(1 + ((n * 7919) % customers)),
      channel: [InteractionChannel.WEB, InteractionChannel.MOBILE, InteractionChannel.STORE][n % 3],
      kind: survey ? InteractionKind.ACTIVE : InteractionKind.PASSIVE,
      type: survey ? 'SURVEY_ANSWER' : 'PAGE_VIEW',
      attributes: survey ? { nps: n % 11 } : { category: CATEGORIES[n % CATEGORIES.length] },
    };
  };
  const run = async (label: string, recorder: InteractionService) => {
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < interactions; i++) {
      const t = performance.now();
      await recorder.record(next());
      latencies.push(performance.now() - t);
    }
    const seconds = (performance.now() - started) / 1000;
    log(`${label.padEnd(34)} ${(interactions / seconds).toFixed(1).padStart(8)} interactions/s   p50 ${percentile(latencies, 0.5).toFixed(1)} ms   p95 ${percentile(latencies, 0.95).toFixed(1)} ms`);
  };
  log(`${storage.kind}, ${customers.toLocaleString('en')} customers, ${segmentCount} interaction segments, ${interactions} interactions per run`);
  await run('recording only (no follower)', plain);
  await service.refreshAll(CALLER); // what the plain run recorded, so the check below covers only the follower's work
  await run('recording + incremental membership', following);
  // The incrementally kept counts must equal a full re-evaluation's.
  const before: { id: string; n: number }[] = await dataSource.query(`SELECT s.id, v.member_count AS n FROM customers.segment s JOIN customers.segment_version v ON v.segment_id = s.id AND v.version = s.current_version ORDER BY s.id`);
  await service.refreshAll(CALLER);
  const after: { id: string; n: number }[] = await dataSource.query(`SELECT s.id, v.member_count AS n FROM customers.segment s JOIN customers.segment_version v ON v.segment_id = s.id AND v.version = s.current_version ORDER BY s.id`);
  const same = JSON.stringify(before) === JSON.stringify(after);
  log(`memberships kept incrementally ${same ? 'equal' : 'DIFFER FROM'} a full re-evaluation (${after.map((r) => r.n).join(', ')} members)`);
  const fullStarted = performance.now();
  await service.refreshAll(CALLER);
  log(`one full re-evaluation of the ${segmentCount} segments: ${(performance.now() - fullStarted).toFixed(0)} ms`);
  await dataSource.destroy();
  await storage.close();
  if (!same) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
