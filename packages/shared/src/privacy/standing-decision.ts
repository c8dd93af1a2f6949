import { CallerKind, type Caller } from '../context/caller';
import type { ConsentDecision, DecisionRequest } from './consent-decisions';
import { DecisionReason } from './decision-reason';
import type { PersonalDataCategory } from './personal-data';
import type { CategoryAudience } from './category-audience';

/**
 * The part of a consent decision that does not depend on which customer is asked about.
 * When `perCustomer` is false, the caller alone fixes every answer: its purpose's legal basis
 * (CONTRACT, LEGITIMATE_INTEREST) and the categories that purpose covers, or who the caller is
 * (a self-service customer reaches only themself). Consent events never enter it, so caching it
 * can never keep an allow alive after a withdrawal: CONSENT purposes and partners are always
 * `perCustomer` and decided against the ledger as it is now.
 */
export interface StandingDecision {
  perCustomer: boolean;
  /** Categories allowed (when not perCustomer). */
  allowedCategories: readonly PersonalDataCategory[];
  /** Why an allowed category is allowed. */
  reason: DecisionReason;
  /** Why any other category is denied. */
  deniedReason: DecisionReason;
  /** Set for self-service callers: every other customer is denied (NOT_THIS_CUSTOMER). */
  onlyCustomerId: string | null;
}

export const PER_CUSTOMER: StandingDecision = Object.freeze({
  perCustomer: true,
  allowedCategories: [],
  reason: DecisionReason.CONSENT_GRANTED,
  deniedReason: DecisionReason.NO_CONSENT,
  onlyCustomerId: null,
});

/** Answers one request from a standing decision (callers check `perCustomer` first). */
export function applyStandingDecision(standing: StandingDecision, request: DecisionRequest): ConsentDecision {
  if (standing.onlyCustomerId !== null && request.customerId !== standing.onlyCustomerId) return { ...request, allowed: false, reason: DecisionReason.NOT_THIS_CUSTOMER };
  if (!standing.allowedCategories.includes(request.category)) return { ...request, allowed: false, reason: standing.deniedReason };
  return { ...request, allowed: true, reason: standing.reason, consentRecordId: null };
}

/** The customers a category is released for, when the caller alone decides: everyone, one self-service customer, or nobody. */
export function audienceFromStanding(standing: StandingDecision, category: PersonalDataCategory): CategoryAudience {
  const covered = standing.allowedCategories.includes(category);
  if (!covered) return { category, covered, everyone: false, customerIds: [] };
  return standing.onlyCustomerId === null ? { category, covered, everyone: true, customerIds: [] } : { category, covered, everyone: false, customerIds: [standing.onlyCustomerId] };
}

/** What a standing decision depends on: two callers with the same basis get the same one. */
export function standingDecisionKey(caller: Caller): string {
  return JSON.stringify([caller.kind, caller.purpose ?? null, caller.kind === CallerKind.PARTNER ? (caller.partnerId ?? null) : null, caller.kind === CallerKind.CUSTOMER ? (caller.customerId ?? null) : null]);
}

/**
 * A per-process memo of standing decisions, for `ttlMs`. What it holds is reference data (a
 * purpose's legal basis and categories), never a consent event: see StandingDecision.
 */
export class StandingDecisionCache {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<StandingDecision>; settled?: StandingDecision }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(caller: Caller, load: () => Promise<StandingDecision>): Promise<StandingDecision> {
    const key = standingDecisionKey(caller);
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const value = load();
    const entry: { expiresAt: number; value: Promise<StandingDecision>; settled?: StandingDecision } = { expiresAt: this.now() + this.ttlMs, value };
    this.entries.set(key, entry);
    value.then(
      (standing) => void (entry.settled = standing),
      () => this.entries.delete(key), // a failed lookup is not remembered
    );
    return value;
  }

  /** The live entry's decision when it has already arrived (no waiting); undefined otherwise. */
  peek(caller: Caller): StandingDecision | undefined {
    const hit = this.entries.get(standingDecisionKey(caller));
    return hit && hit.expiresAt > this.now() ? hit.settled : undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** How long subgraphs keep a standing decision; purposes' legal bases change by release, not by request. */
export const STANDING_DECISION_TTL_MS = 30_000;

/**
 * The same decider, with its standing decisions kept per process for `ttlMs`; `standingNow` answers
 * from that memo without waiting when the decision has already arrived.
 */
export function withStandingCache<D extends { standing?(caller: Caller): Promise<StandingDecision> }>(decider: D, ttlMs = STANDING_DECISION_TTL_MS): D & { standingNow?(caller: Caller): StandingDecision | undefined } {
  const standing = decider.standing?.bind(decider);
  if (!standing) return decider;
  const cache = new StandingDecisionCache(ttlMs);
  return Object.assign(Object.create(decider) as D, { standing: (caller: Caller) => cache.get(caller, () => standing(caller)), standingNow: (caller: Caller) => cache.peek(caller) });
}
