import DataLoader from 'dataloader';
import { CallerKind, type Caller } from '../context/caller';
import type { ConsentDecider, ConsentDecision, DecisionRequest } from './consent-decisions';
import { DecisionReason } from './decision-reason';

/** "Did this customer consent to `purpose`?" for one data category, whoever is calling. */
export interface PurposeDecisionRequest extends DecisionRequest {
  purpose: string;
}

export interface PurposeDecision extends ConsentDecision {
  purpose: string;
}

/** The caller a purpose-only question is judged as: an internal app declaring that purpose. */
export const purposeCaller = (clientId: string, purpose: string): Caller => ({ clientId, kind: CallerKind.INTERNAL_APP, scopes: [], purpose });

export const purposeDecisionKey = (r: PurposeDecisionRequest) => `${r.purpose}|${r.customerId}|${r.category}`;

/** Every purpose in one exchange when the decider can; otherwise one call per purpose, concurrently. */
export async function decideAcrossPurposes(decider: ConsentDecider, clientId: string, requests: PurposeDecisionRequest[]): Promise<PurposeDecision[]> {
  if (decider.decideAcrossPurposes) return decider.decideAcrossPurposes(clientId, requests);
  const byPurpose = new Map<string, PurposeDecisionRequest[]>();
  for (const r of requests) {
    if (!byPurpose.has(r.purpose)) byPurpose.set(r.purpose, []);
    byPurpose.get(r.purpose)!.push(r);
  }
  const answers = await Promise.all(
    [...byPurpose].map(async ([purpose, asked]) => {
      const decisions = await decider.decide(purposeCaller(clientId, purpose), asked.map(({ customerId, category }) => ({ customerId, category })));
      return decisions.map((d) => ({ ...d, purpose }));
    }),
  );
  return answers.flat();
}

/**
 * The purpose-only decisions of one request, for all its purposes together: DataLoader turns the
 * asks of one execution tick (MARKETING and PERSONALISATION for offers, say) into a single
 * exchange, de-duplicated. Nothing survives the request.
 */
export class RequestPurposeDecisions {
  private readonly loader: DataLoader<PurposeDecisionRequest, ConsentDecision, string>;

  constructor(clientId: string, decider: ConsentDecider) {
    this.loader = new DataLoader(
      async (requests) => {
        try {
          const decisions = await decideAcrossPurposes(decider, clientId, [...requests]);
          const byKey = new Map(decisions.map((d) => [purposeDecisionKey(d), d]));
          return requests.map((r) => withoutPurpose(byKey.get(purposeDecisionKey(r))) ?? unavailable(r));
        } catch {
          return requests.map(unavailable); // fail closed
        }
      },
      { cacheKeyFn: purposeDecisionKey },
    );
  }

  decide(purpose: string, request: DecisionRequest): Promise<ConsentDecision> {
    return this.loader.load({ ...request, purpose });
  }
}

const withoutPurpose = (decision: PurposeDecision | undefined): ConsentDecision | undefined => {
  if (!decision) return undefined;
  const { purpose: _purpose, ...rest } = decision;
  return rest;
};

const unavailable = ({ customerId, category }: PurposeDecisionRequest): ConsentDecision => ({ customerId, category, allowed: false, reason: DecisionReason.DECISION_UNAVAILABLE });
