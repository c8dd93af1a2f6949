import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '@c360/shared';
import {
  badKey, deltaOutOfRange, inFuture, levelOutOfRange, movementConflict, nothingGiven, repeatedMovementId, repeatedSku, snapshotConflict, tooMany, unknownSku,
} from './stock.errors';
import type { StockLevelInput, StockMovementInput } from './stock.input';
import type { StockLedgerEntry, StockLedgerRepository } from './stock-ledger.repository';
import type { StockSnapshotRepository } from './stock-snapshot.repository';
import type { StockAdjustmentResultType, StockSnapshotResultType } from './stock.type';
import { recordEvent } from '@c360/shared';
import { MAX_LEVELS_PER_CALL, MAX_MOVEMENTS_PER_CALL, MAX_UNITS } from './stock.limits';

/** Clock skew tolerated between the ERP and us. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** ERP stock feeds: absolute levels by snapshot and movements, each call one transaction, each idempotent. */
export class StockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: StockLedgerRepository,
    private readonly snapshots: StockSnapshotRepository,
  ) {}

  async setLevels(snapshotId: string, asOf: Date, levels: StockLevelInput[], now = new Date()): Promise<StockSnapshotResultType> {
    checkKey(snapshotId, 'snapshotId');
    checkNotFuture(asOf, now, 'asOf');
    checkCount(levels.length, 'levels', MAX_LEVELS_PER_CALL);
    const seen = new Set<string>();
    levels.forEach((l, i) => {
      if (seen.has(l.sku)) throw repeatedSku(`levels[${i}].sku`);
      seen.add(l.sku);
      if (!Number.isInteger(l.level) || l.level < 0 || l.level > MAX_UNITS) throw levelOutOfRange(`levels[${i}].level`, MAX_UNITS);
    });
    const digest = digestOf(asOf, levels);
    const replay = (manager?: EntityManager) => this.replayedSnapshot(manager ?? this.dataSource.manager, snapshotId, asOf, digest);
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.snapshots.insert(manager, { snapshotId, asOf, levelsDigest: digest, levels: levels.length, applied: 0 }, now);
        const known = await this.ledger.lockProducts(manager, levels.map((l) => l.sku));
        const missing = levels.findIndex((l) => !known.has(l.sku));
        if (missing >= 0) throw unknownSku(`levels[${missing}].sku`);
        const applied = await this.snapshots.apply(manager, levels, asOf, now);
        await this.snapshots.setApplied(manager, snapshotId, applied.length);
        if (applied.length) await recordEvent(manager, { type: 'stock.level_changed', payload: { skus: [...applied].sort(), source: 'SNAPSHOT' }, occurredAt: now });
        const appliedSet = new Set(applied);
        return { snapshotId, asOf, replayed: false, levels: levels.length, applied: applied.length, staleSkus: levels.map((l) => l.sku).filter((sku) => !appliedSet.has(sku)).sort() };
      });
    } catch (error) {
      // A concurrent call with the same snapshotId committed first: this one is its replay.
      if (isUniqueViolation(error)) {
        const winner = await replay();
        if (winner) return winner;
      }
      throw error;
    }
  }

  async adjust(movements: StockMovementInput[], now = new Date()): Promise<StockAdjustmentResultType> {
    checkCount(movements.length, 'movements', MAX_MOVEMENTS_PER_CALL);
    const seen = new Set<string>();
    const entries = movements.map((m, i): StockLedgerEntry => {
      checkKey(m.movementId, `movements[${i}].movementId`);
      if (seen.has(m.movementId)) throw repeatedMovementId(`movements[${i}].movementId`);
      seen.add(m.movementId);
      if (!Number.isInteger(m.delta) || m.delta === 0 || Math.abs(m.delta) > MAX_UNITS) throw deltaOutOfRange(`movements[${i}].delta`, MAX_UNITS);
      checkNotFuture(m.occurredAt, now, `movements[${i}].occurredAt`);
      return { movementKey: `erp:${m.movementId}`, source: 'ERP_MOVEMENT', sku: m.sku, delta: m.delta, occurredAt: m.occurredAt };
    });
    return this.dataSource.transaction(async (manager) => {
      const known = await this.ledger.lockProducts(manager, entries.map((e) => e.sku));
      const missing = entries.findIndex((e) => !known.has(e.sku));
      if (missing >= 0) throw unknownSku(`movements[${missing}].sku`);
      const recorded = new Map((await this.ledger.existing(manager, entries.map((e) => e.movementKey))).map((e) => [e.movementKey, e]));
      const conflicting = entries.findIndex((e) => recorded.has(e.movementKey) && !sameEntry(e, recorded.get(e.movementKey)!));
      if (conflicting >= 0) throw movementConflict(`movements[${conflicting}].movementId`);
      const fresh = entries.filter((e) => !recorded.has(e.movementKey));
      const added = await this.ledger.append(manager, fresh, now);
      if (added) await recordEvent(manager, { type: 'stock.level_changed', payload: { skus: [...new Set(fresh.map((e) => e.sku))].sort(), source: 'MOVEMENT' }, occurredAt: now });
      return { recorded: added, replayed: entries.length - added };
    });
  }

  private async replayedSnapshot(manager: EntityManager, snapshotId: string, asOf: Date, digest: string): Promise<StockSnapshotResultType | null> {
    const record = await this.snapshots.find(manager, snapshotId);
    if (!record) return null;
    if (record.levelsDigest !== digest || record.asOf.getTime() !== asOf.getTime()) throw snapshotConflict();
    return { snapshotId, asOf: record.asOf, replayed: true, levels: record.levels, applied: record.applied, staleSkus: [] };
  }
}

function checkKey(key: string, field: string): void {
  if (key.length < 1 || key.length > 128) throw badKey(field);
}

function checkCount(count: number, field: string, max: number): void {
  if (count === 0) throw nothingGiven(field);
  if (count > max) throw tooMany(field, max);
}

function checkNotFuture(at: Date, now: Date, field: string): void {
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw inFuture(field);
}

/** Same levels in any order give the same digest: a re-sent snapshot is recognised whatever its row order. */
function digestOf(asOf: Date, levels: StockLevelInput[]): string {
  const sorted = levels.map((l) => [l.sku, l.level] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([asOf.toISOString(), sorted])).digest('hex');
}

const sameEntry = (a: StockLedgerEntry, b: StockLedgerEntry) => a.sku === b.sku && a.delta === b.delta && a.occurredAt.getTime() === b.occurredAt.getTime();
