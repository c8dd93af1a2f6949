import type { Caller } from './caller';
import type { RequestConsentDecisions } from '../privacy/consent-decisions';
import type { RequestDisclosures } from '../privacy/disclosures';
import type { RequestAudience } from '../privacy/row-visibility';

/** Per-request state every resolver sees; built once per request by the shared server helper. */
export interface SubgraphContext<Loaders = unknown> {
  requestId: string;
  caller: Caller;
  loaders: Loaders;
  /** Consent decisions for this request's guarded fields (batched, never cached across requests). */
  consent: RequestConsentDecisions;
  /** Whose objects (customers, orders, responses, consents, ...) the caller may see at all; decided once per request. */
  audience: RequestAudience;
  /** Personal data released in this request, for the disclosure ledger. */
  disclosures: RequestDisclosures;
  /** Purpose-only decisions ("did this customer consent to ANALYTICS?"), whoever is calling. */
  consentFor(purpose: string): RequestConsentDecisions;
}
