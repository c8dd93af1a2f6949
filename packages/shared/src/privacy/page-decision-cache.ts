import type { ConsentDecision, DecisionRequest } from './consent-decisions';

/** A few seconds: long enough for every subgraph request one page causes, far shorter than any human's next page. */
export const PAGE_DECISION_TTL_MS = 5_000;

/**
 * Consent decisions of one gateway request (one page), shared by the subgraph requests it causes
 * in this process: the gateway's own fetch into transactions and the offers subgraph's targeting
 * call into transactions ask the same PROFILING question, and now cost one exchange.
 *
 * Why this cannot keep a withdrawal from taking effect: an entry is keyed by the page's request id
 * (the gateway mints a new one for every client request and never accepts a client's), plus the
 * decision's whole basis (who asks, for which purpose, customer and category), and lives at most
 * `ttlMs`. The next page has a new request id, so it is decided against the ledger as it is then.
 * Within one page, subgraph requests share one answer, as if the page were read at one instant
 * (before, its two requests could even disagree). Failed exchanges are never remembered.
 */
export class PageDecisionCache {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<ConsentDecision | undefined> }>();

  constructor(
    private readonly ttlMs = PAGE_DECISION_TTL_MS,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The decisions for `requests` on `page`: those another request of the page already asked (or is
   * asking) are shared, the rest go to `ask` in one call. Without a page, everything is asked.
   */
  async decide<R extends DecisionRequest>(page: string | undefined, requests: readonly R[], keyOf: (r: R) => string, ask: (missing: R[]) => Promise<ConsentDecision[]>): Promise<ConsentDecision[]> {
    if (!page) return ask([...requests]);
    const now = this.now();
    this.evict(now);
    const answers: Promise<ConsentDecision | undefined>[] = [];
    const missing: R[] = [];
    const missingKeys: string[] = [];
    for (const request of requests) {
      const key = `${page}|${keyOf(request)}`;
      const hit = this.entries.get(key);
      if (hit && hit.expiresAt > now) {
        answers.push(hit.value);
      } else if (!missingKeys.includes(key)) {
        missing.push(request);
        missingKeys.push(key);
      }
    }
    if (missing.length > 0) {
      // A decision echoes its request's fields, so it has the request's key.
      const asked = ask(missing).then((decisions) => new Map(decisions.map((d) => [`${page}|${keyOf(d as unknown as R)}`, d])));
      const stored = missingKeys.map((key) => {
        const entry = { expiresAt: now + this.ttlMs, value: asked.then((byKey) => byKey.get(key)) };
        this.entries.delete(key); // re-inserted last, so insertion order stays expiry order
        this.entries.set(key, entry);
        answers.push(entry.value);
        return [key, entry] as const;
      });
      asked.catch(() => {
        for (const [key, entry] of stored) if (this.entries.get(key) === entry) this.entries.delete(key); // a failed exchange is not remembered
      });
    }
    const decided = await Promise.all(answers);
    return decided.filter((d): d is ConsentDecision => d !== undefined);
  }

  /** Expired entries go first (they are the oldest); past `maxEntries`, the oldest live ones too. */
  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
