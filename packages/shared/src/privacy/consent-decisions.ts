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

  private decideUncounted(customerId: string, category: PersonalDataCategory): Promise<ConsentDecision> {
    const request = { customerId, category };
    if (!this.decider.standing) return this.ask(request);
    // Unknown standing (lookup failed) falls back to per-customer decisions, which fail closed.
    this.standingOnce ??= this.decider.standing(this.caller).catch(() => PER_CUSTOMER);
    return this.standingOnce.then((standing) => (standing.perCustomer ? this.ask(request) : applyStandingDecision(standing, request)));
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
      this.standingOnce ??= this.decider.standing(this.caller).catch(() => PER_CUSTOMER);
      const standing = await this.standingOnce;
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
