import { CallerKind, type Caller } from '../context/caller';
import type { SubgraphContext } from '../context/subgraph-context';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import type { Audience } from './consent-decisions';

/**
 * Which customers' objects a caller may reach at all (customers, their orders, responses,
 * consents, ...): everyone, or exactly a set of customer ids. Personal fields of a visible
 * customer are still decided one by one.
 */
export type Visibility = { all: true } | { all: false; ids: ReadonlySet<string> };

const EVERYONE: Visibility = { all: true };
const NOBODY: Visibility = { all: false, ids: new Set() };

/** Where the audience of a partner comes from: the consent ledger (grants naming it, partner active). */
export interface AudienceSource {
  audience(): Promise<Audience>;
}

/**
 * The one audience rule. Partners: customers with a current grant naming that partner, while
 * the partner is active (the consent subgraph decides, once per request). Self-service: only
 * itself. BI: never rows (aggregates only). Staff (internal apps, ERP): every customer, each
 * field behind its own scope. When the partner audience cannot be decided the request fails
 * with DECISION_UNAVAILABLE, never with a silently empty audience.
 */
export class RequestAudience {
  private once?: Promise<Visibility>;
  /** Set once decided, so the per-field guard needs no await on the hot path. */
  known?: Visibility;

  constructor(
    caller: Caller,
    private readonly source: AudienceSource,
  ) {
    this.known = fixedVisibility(caller);
  }

  visibility(): Promise<Visibility> {
    if (this.known) return Promise.resolve(this.known);
    this.once ??= this.source.audience().then((audience) => (this.known = audience.everyone ? EVERYONE : { all: false, ids: new Set(audience.customerIds) }));
    return this.once;
  }

  async canSee(customerId: string): Promise<boolean> {
    return isVisible(this.known ?? (await this.visibility()), customerId);
  }

  /** For SQL: null when every customer is visible, else the visible ids (pushed into the WHERE). */
  async restriction(): Promise<string[] | null> {
    const visibility = this.known ?? (await this.visibility());
    return visibility.all ? null : [...visibility.ids];
  }
}

/** What the token alone decides; undefined for partners, whose audience is the consent ledger's. */
function fixedVisibility(caller: Caller): Visibility | undefined {
  switch (caller.kind) {
    case CallerKind.PARTNER:
      return undefined;
    case CallerKind.CUSTOMER:
      // Ids are stored lower case; a token may carry its id in any case.
      return caller.customerId ? { all: false, ids: new Set([caller.customerId.toLowerCase()]) } : NOBODY;
    case CallerKind.BI:
      return NOBODY;
    default:
      return EVERYONE;
  }
}

/** The error every path answers when the audience (or a decision) cannot be made: visible, never an empty result. */
export const decisionUnavailable = () =>
  new DomainError(ErrorCode.DECISION_UNAVAILABLE, 'The consent decision for this request could not be made; nothing was released', { reason: 'DECISION_UNAVAILABLE' });

export const visibleCustomers = (ctx: SubgraphContext): Promise<Visibility> => ctx.audience.visibility();

export const isVisible = (visibility: Visibility, customerId: string) => visibility.all || visibility.ids.has(customerId);

const RESTRICTED = new Set([CallerKind.PARTNER, CallerKind.CUSTOMER, CallerKind.BI]);

/** Callers with a restricted audience get NOT_FOUND for hidden rows, so they cannot tell hidden from missing. */
export const answersNotFound = (ctx: SubgraphContext) => RESTRICTED.has(ctx.caller.kind);
