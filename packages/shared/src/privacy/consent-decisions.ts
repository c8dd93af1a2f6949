import DataLoader from 'dataloader';
import type { Caller } from '../context/caller';
import type { PersonalDataCategory } from './personal-data';
import { DecisionReason } from './decision-reason';
import { decisionUnavailable } from './row-visibility';
import { consentDecisions, scopeService } from '../observability/metrics';
import { applyStandingDecision, audienceFromStanding, PER_CUSTOMER, type StandingDecision } from './standing-decision';
import { predicateDecisionUnavailable, type CategoryAudience } from './category-audience';
import type { PurposeDecision, PurposeDecisionRequest } from './purpose-decisions';

export interface DecisionRequest {
  customerId: string;
  category: PersonalDataCategory;
}

export { DecisionReason } from './decision-reason';

export interface ConsentDecision extends DecisionRequest {
  allowed: boolean;
  reason: DecisionReason;
  /** The ledger event a grant relied on (for the disclosure ledger). */
  consentRecordId?: string | null;
}

/** What a guarded field needs of a decision: released or not, why, and on which consent record. */
export type Verdict = Pick<ConsentDecision, 'allowed' | 'reason' | 'consentRecordId'>;

/** A self-service caller's standing verdict for anyone but itself (the same for every category). */
const OTHER_CUSTOMER = '(another customer)';

/** Customers a caller may see as rows: everyone, or only those whose consent covers the caller. */
export interface Audience {
  everyone: boolean;
  customerIds: string[];
}

/** Decides many (customer, category) pairs for one caller at once. */
export interface ConsentDecider {
  decide(caller: Caller, requests: DecisionRequest[]): Promise<ConsentDecision[]>;
  /** Which customers a caller may list or count (partners: those who consented to that partner). */
  audience(caller: Caller): Promise<Audience>;
  /** What the caller alone decides, so requests need no per-customer lookup (see StandingDecision). */
  standing?(caller: Caller): Promise<StandingDecision>;
  /** The standing decision when it is already at hand (a per-process memo), so no wait is needed; undefined otherwise. */
  standingNow?(caller: Caller): StandingDecision | undefined;
  /** For each category, the customers it would be released for (what a predicate over it may match). */
  categoryAudiences?(caller: Caller, categories: PersonalDataCategory[]): Promise<CategoryAudience[]>;
  /** Purpose-only decisions for several purposes in one exchange, each judged as an internal app declaring its purpose (see purposeCaller). */
  decideAcrossPurposes?(clientId: string, requests: PurposeDecisionRequest[]): Promise<PurposeDecision[]>;
}

/**
 * Per-request decisions: every guarded field of a request asks here, and DataLoader turns
 * the asks of one execution tick into a single call to the decider. Nothing here survives the
 * request; the remote decider shares answers only among the requests of one page (PageDecisionCache),
 * so a withdrawal applies to the very next page.
 */
export class RequestConsentDecisions {
  private readonly loader: DataLoader<DecisionRequest, ConsentDecision, string>;
  private audienceOnce?: Promise<Audience>;
  private standingOnce?: Promise<StandingDecision>;
  /** This request's standing decision once it is known (read at most once per request, then fixed). */
  private standingKnown?: StandingDecision;
  /** Verdicts of that standing decision, by category (or OTHER_CUSTOMER), made once per request. */
  private readonly standingVerdicts = new Map<string, Verdict & { count(): void }>();
  private readonly categoryAudienceOnce = new Map<PersonalDataCategory, Promise<CategoryAudience>>();

  /** How a per-customer decision is asked: this request's own batch, or a batch shared with other purposes. */
  private readonly ask: (request: DecisionRequest) => Promise<ConsentDecision>;

  constructor(
    private readonly caller: Caller,
    private readonly decider: ConsentDecider,
    ask?: (request: DecisionRequest) => Promise<ConsentDecision>,
  ) {
    this.loader = new DataLoader(
      async (requests) => {
        try {
          const decisions = await decider.decide(caller, [...requests]);
          const byKey = new Map(decisions.map((d) => [`${d.customerId}|${d.category}`, d]));
          return requests.map((r) => byKey.get(`${r.customerId}|${r.category}`) ?? unavailable(r));
        } catch {
          return requests.map(unavailable); // fail closed
        }
      },
      { cacheKeyFn: (r) => `${r.customerId}|${r.category}` },
    );
    this.ask = ask ?? ((request) => this.loader.load(request));
  }

  decide(customerId: string, category: PersonalDataCategory): Promise<ConsentDecision> {
    return this.decideUncounted(customerId, category).then(counted);
  }

  /**
   * The verdict without waiting, when the caller alone fixes it and its standing decision is
   * already at hand (counted like `decide`); undefined when it has to be asked (`decide`).
   * The per-field guard uses it to release a field in the same tick: no promise and no new object
   * per field, since a standing verdict depends only on the category (and, for a self-service
   * caller, on whether the customer is that caller).
   */
  settledVerdict(customerId: string, category: PersonalDataCategory): Verdict | undefined {
    const standing = this.standingKnown ?? this.standingAtHand();
    if (!standing || standing.perCustomer) return undefined;
    const key = standing.onlyCustomerId !== null && customerId !== standing.onlyCustomerId ? OTHER_CUSTOMER : category;
    let verdict = this.standingVerdicts.get(key);
    if (!verdict) {
      const decision = applyStandingDecision(standing, { customerId, category });
      const counter = consentDecisions.labels({ service: scopeService(), outcome: decision.allowed ? 'allow' : 'deny', reason: decision.reason });
      verdict = { allowed: decision.allowed, reason: decision.reason, consentRecordId: decision.consentRecordId ?? null, count: () => counter.inc() };
      this.standingVerdicts.set(key, verdict);
    }
    verdict.count();
    return verdict;
  }

  private decideUncounted(customerId: string, category: PersonalDataCategory): Promise<ConsentDecision> {
    const request = { customerId, category };
    if (!this.decider.standing) return this.ask(request);
    return this.standing().then((standing) => (standing.perCustomer ? this.ask(request) : applyStandingDecision(standing, request)));
  }

  /** The caller's standing decision, asked once per request. Unknown standing (lookup failed) falls back to per-customer decisions, which fail closed. */
  private standing(): Promise<StandingDecision> {
    this.standingOnce ??= this.decider.standing!(this.caller)
      .catch(() => PER_CUSTOMER)
      .then((standing) => (this.standingKnown = standing));
    return this.standingOnce;
  }

  /** Takes the process's memo of the standing decision as this request's, if nothing was asked yet and it is there. */
  private standingAtHand(): StandingDecision | undefined {
    if (this.standingOnce || !this.decider.standingNow) return undefined;
    const standing = this.decider.standingNow(this.caller);
    if (standing) {
      this.standingKnown = standing;
      this.standingOnce = Promise.resolve(standing);
    }
    return standing;
  }

  /**
   * Released sets for predicates, asked once per request for all the categories not asked yet
   * (one call). Fails visibly (DECISION_UNAVAILABLE): an empty set would look like "no match".
   */
  async categoryAudiences(categories: readonly PersonalDataCategory[]): Promise<Map<PersonalDataCategory, CategoryAudience>> {
    const missing = [...new Set(categories)].filter((c) => !this.categoryAudienceOnce.has(c));
    if (missing.length > 0) {
      const asked = this.askCategoryAudiences(missing).catch(() => null);
      for (const category of missing) {
        this.categoryAudienceOnce.set(
          category,
          asked.then((answers) => {
            const answer = answers?.find((a) => a.category === category);
            if (!answer) throw predicateDecisionUnavailable();
            return answer;
          }),
        );
      }
    }
    const answers = await Promise.all(categories.map((c) => this.categoryAudienceOnce.get(c)!));
    return new Map(answers.map((a) => [a.category, a]));
  }

  /** A standing decision (kept per process) answers without a round-trip; the ledger is asked otherwise. */
  private async askCategoryAudiences(categories: PersonalDataCategory[]): Promise<CategoryAudience[] | null> {
    if (this.decider.standing) {
      const standing = await this.standing();
      if (!standing.perCustomer) return categories.map((category) => audienceFromStanding(standing, category));
    }
    return this.decider.categoryAudiences ? this.decider.categoryAudiences(this.caller, categories) : null;
  }

  /** Asked at most once per request; an unreachable consent service fails the request visibly (DECISION_UNAVAILABLE), never as an empty audience. */
  audience(): Promise<Audience> {
    this.audienceOnce ??= this.decider.audience(this.caller).catch(() => {
      throw decisionUnavailable();
    });
    return this.audienceOnce;
  }
}

function counted(decision: ConsentDecision): ConsentDecision {
  consentDecisions.inc({ service: scopeService(), outcome: decision.allowed ? 'allow' : 'deny', reason: decision.reason });
  return decision;
}

const unavailable = (request: DecisionRequest): ConsentDecision => ({ ...request, allowed: false, reason: DecisionReason.DECISION_UNAVAILABLE });
