import { randomUUID } from 'node:crypto';
import { TIME_ID_CURSOR, decodeCursor, encodeCursor, isUniqueViolation, pageSize, toPage, type Caller, type Page } from '@c360/shared';
import type { RemoteConditions } from './remote-conditions';
import { declaredPurpose, segmentEvaluator, type SegmentReleases } from './segment-releases';
import type { EvaluationSets } from './segment-predicate.sql';
import { NO_SEGMENT_KEY, PROFILING_WITHHELD_KEY } from '../analytics/customer-aggregate.repository';
import { badSegmentName, nothingToUpdate, reservedSegmentName, segmentChanged, segmentNameTaken, segmentNotFound } from './segment.errors';
import type { CreateSegmentInput, UpdateSegmentInput } from './segment.input';
import type { SegmentRepository, SegmentRow } from './segment.repository';
import { toSegmentType } from './segment.mapper';
import { parseSegmentRule, type SegmentRule } from './segment-rule';
import type { SegmentType } from './segment.type';
import type { SegmentSettings } from './segment.settings';

/** Segments one background refresh re-evaluates at most; the rest wait for the next one. */
const STALE_BATCH = 500;

/** Keys the BI count by segment groups under beside segment names (upper case; names are compared case-insensitively). */
const RESERVED_NAMES = new Set([NO_SEGMENT_KEY, PROFILING_WITHHELD_KEY]);

const segmentCursor = (s: SegmentRow) => encodeCursor([s.createdAt.toISOString(), s.id]);

/**
 * Segments: definitions are versioned (an update writes a new version, old ones stay), and
 * the current version's members are materialised on create, update, refresh, and on a read
 * once older than the configured maximum age.
 */
export class SegmentService {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly remote: RemoteConditions,
    private readonly settings: SegmentSettings,
    private readonly releases: SegmentReleases,
  ) {}

  /**
   * What evaluating a rule for `purpose` needs: the peers' sets and the released sets, asked as
   * the caller under that purpose. A write refuses conditions the purpose never covers.
   */
  private async setsFor(rule: SegmentRule, caller: Caller, purpose: string, write: boolean): Promise<EvaluationSets> {
    const evaluator = segmentEvaluator(caller, purpose);
    const released = await this.releases.forRule(rule, evaluator, write);
    return { remote: await this.remote.setsFor(rule, evaluator), released };
  }

  async create(input: CreateSegmentInput, caller: Caller, now = new Date()): Promise<string> {
    const name = checkName(input.name);
    const rule = parseSegmentRule(input.rule);
    const purpose = declaredPurpose(caller);
    // Consent and the other subgraphs answer before anything is written: a refusal or failure there writes nothing.
    const sets = await this.setsFor(rule, caller, purpose, true);
    const id = randomUUID();
    await this.named(name, () =>
      this.segments.transaction(async (manager) => {
        await this.segments.insert(manager, id, { name, description: input.description ?? null, rule, purpose, createdBy: caller.clientId }, now);
        await this.segments.materialise(manager, id, 1, rule, sets, now);
      }),
    );
    return id;
  }

  /**
   * Unchanged fields come from the version read first (its rule is what the peers evaluate, outside
   * the transaction); when another update made a newer version current meanwhile, the write would
   * silently revert it, so it is refused (CONFLICT, SEGMENT_CHANGED) and nothing is written.
   */
  async update(id: string, input: UpdateSegmentInput, caller: Caller, now = new Date()): Promise<string> {
    if (input.name == null && input.description === undefined && input.rule == null) throw nothingToUpdate();
    const current = await this.find(id);
    const name = input.name == null ? current.name : checkName(input.name);
    const rule: SegmentRule = input.rule == null ? current.rule : parseSegmentRule(input.rule);
    // A new version is written for the updater's purpose, and checked against it like a new segment.
    const purpose = declaredPurpose(caller);
    const sets = await this.setsFor(rule, caller, purpose, true);
    const description = input.description === undefined ? current.description : input.description;
    await this.named(name, () =>
      this.segments.transaction(async (manager) => {
        const locked = await this.segments.lockCurrentVersion(manager, id);
        if (locked === null) throw segmentNotFound(id);
        if (locked !== current.version) throw segmentChanged(id, current.version, locked);
        await this.segments.addVersion(manager, id, locked + 1, { name, description, rule, purpose, createdBy: caller.clientId }, now);
        await this.segments.materialise(manager, id, locked + 1, rule, sets, now);
      }),
    );
    return id;
  }

  /** Re-evaluates the current version's members now. */
  async refresh(id: string, caller: Caller, now = new Date()): Promise<SegmentRow> {
    return this.evaluate(await this.find(id), caller, now);
  }

  /**
   * Re-evaluates, one at a time, every segment whose members are older than the maximum age
   * (the background refresh). A segment whose evaluation fails keeps its last members.
   */
  async refreshStale(caller: Caller, now = new Date()): Promise<{ refreshed: number; failed: number }> {
    const stale = await this.segments.evaluatedBefore(new Date(now.getTime() - this.settings.maxAgeSeconds * 1000), STALE_BATCH);
    let refreshed = 0;
    for (const row of stale) if ((await this.fresh(row, caller, now)) !== row) refreshed++;
    return { refreshed, failed: stale.length - refreshed };
  }

  /**
   * Re-evaluates every segment now, however fresh (a bulk import changed who matches), up to one
   * background batch; a segment whose evaluation fails keeps its last members.
   */
  async refreshAll(caller: Caller, now = new Date()): Promise<{ refreshed: number; failed: number }> {
    const rows = await this.segments.evaluatedBefore(new Date(now.getTime() + 1), STALE_BATCH);
    let refreshed = 0;
    for (const row of rows) if ((await this.fresh({ ...row, evaluatedAt: null }, caller, now)).evaluatedAt !== null) refreshed++;
    return { refreshed, failed: rows.length - refreshed };
  }

  /** The segment, re-evaluated first when its members are older than the maximum age. */
  async get(id: string, caller: Caller, now = new Date()): Promise<SegmentRow | null> {
    const [row] = await this.segments.findByIds([id]);
    return row ? this.fresh(row, caller, now) : null;
  }

  async list(first: number | null | undefined, after: string | null | undefined, caller: Caller, now = new Date()): Promise<Page<SegmentType>> {
    const size = pageSize(first);
    const afterKey = after ? (decodeCursor(after, TIME_ID_CURSOR) as [string, string]) : undefined;
    const { rows, totalCount } = await this.segments.page(size, afterKey);
    const fresh: SegmentRow[] = [];
    for (const row of rows.slice(0, size)) fresh.push(await this.fresh(row, caller, now));
    return toPage([...fresh, ...rows.slice(size)], size, totalCount, segmentCursor, toSegmentType);
  }

  private async fresh(row: SegmentRow, caller: Caller, now: Date): Promise<SegmentRow> {
    const age = row.evaluatedAt ? now.getTime() - row.evaluatedAt.getTime() : Infinity;
    if (age <= this.settings.maxAgeSeconds * 1000) return row;
    try {
      return await this.evaluate(row, caller, now);
    } catch (error) {
      // A read still answers with the last membership (evaluatedAt tells how old it is).
      process.stderr.write(`[customers] segment ${row.id} not re-evaluated: ${(error as Error).message}\n`);
      return row;
    }
  }

  private async evaluate(row: SegmentRow, caller: Caller, now: Date): Promise<SegmentRow> {
    // Whoever triggers it, a segment is evaluated for its own declared purpose.
    const sets = await this.setsFor(row.rule, caller, row.purpose, false);
    const evaluatedAt = await this.segments.transaction((manager) => this.segments.materialise(manager, row.id, row.version, row.rule, sets, now));
    if (evaluatedAt) return { ...row, evaluatedAt };
    return this.find(row.id); // a newer version became current meanwhile, and was evaluated with it
  }

  async find(id: string): Promise<SegmentRow> {
    const [row] = await this.segments.findByIds([id]);
    if (!row) throw segmentNotFound(id);
    return row;
  }

  private async named<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw segmentNameTaken();
      throw error;
    }
  }
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length < 1 || name.length > 100) throw badSegmentName();
  if (RESERVED_NAMES.has(name.toUpperCase())) throw reservedSegmentName();
  return name;
}
