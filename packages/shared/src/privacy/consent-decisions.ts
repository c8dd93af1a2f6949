import DataLoader from 'dataloader';
import type { Caller } from '../context/caller';
import type { PersonalDataCategory } from './personal-data';
import { DecisionReason } from './decision-reason';
import { decisionUnavailable } from './row-visibility';
import { consentDecisions, scopeService } from '../observability/metrics';
import { applyStandingDecision, PER_CUSTOMER, type StandingDecision } from './standing-decision';

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
}

/**
 * Per-request decisions: every guarded field of a request asks here, and DataLoader turns
 * the asks of one execution tick into a single call to the decider. Nothing survives the
 * request, so a withdrawal applies to the very next one.
 */
export class RequestConsentDecisions {
  private readonly loader: DataLoader<DecisionRequest, ConsentDecision, string>;
  private audienceOnce?: Promise<Audience>;
  private standingOnce?: Promise<StandingDecision>;

  constructor(
    private readonly caller: Caller,
    private readonly decider: ConsentDecider,
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
  }

  decide(customerId: string, category: PersonalDataCategory): Promise<ConsentDecision> {
    return this.decideUncounted(customerId, category).then(counted);
  }

  private decideUncounted(customerId: string, category: PersonalDataCategory): Promise<ConsentDecision> {
    const request = { customerId, category };
    if (!this.decider.standing) return this.loader.load(request);
    // Unknown standing (lookup failed) falls back to per-customer decisions, which fail closed.
    this.standingOnce ??= this.decider.standing(this.caller).catch(() => PER_CUSTOMER);
    return this.standingOnce.then((standing) => (standing.perCustomer ? this.loader.load(request) : applyStandingDecision(standing, request)));
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
