import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { offlinePlugins } from './offline-plugins';
import { accessRecordPlugin } from '../observability/access-plugin';
import { currentScope } from '../observability/request-scope';
import { serviceLogger } from '../observability/logger';
import type { Caller } from '../context/caller';
import { CALLER_HEADER } from '../context/caller-token';
import { verifyCallerTokenOnce } from '../context/caller-token-cache';
import { exceedsCeiling } from '../context/scope-ceilings';
import type { SubgraphContext } from '../context/subgraph-context';
import { ErrorCode } from '../errors/error-codes';
import { maskError } from '../errors/mask-error';
import { createGraphQLHttpServer, type HttpRoutes } from '../http/graphql-http';
import { RequestConsentDecisions, type ConsentDecider } from '../privacy/consent-decisions';
import { purposeCaller, RequestPurposeDecisions } from '../privacy/purpose-decisions';
import { mustRecordDisclosures, type DisclosureRecorder } from '../privacy/disclosure-recorder';
import { RequestDisclosures } from '../privacy/disclosures';
import { RequestAudience } from '../privacy/row-visibility';
import { useCursorKey } from '../pagination/cursor';

/** What a subgraph's loaders may depend on: the caller, and consent decisions for a given purpose. */
export interface LoaderRequest {
  caller: Caller;
  consentFor(purpose: string): RequestConsentDecisions;
  /** Whose objects the caller may see; lists push it into their SQL. */
  audience: RequestAudience;
}

export interface SubgraphServerOptions<Loaders> {
  /** Subgraph name; also the audience the gateway signs caller tokens for. */
  name: string;
  schema: GraphQLSchema;
  /** Shared secret with the gateway for caller tokens. */
  callerSigningKey: string;
  /** Builds this request's DataLoaders (never shared between requests). */
  createLoaders: (request: LoaderRequest) => Loaders;
  /** Decides consent for guarded fields (the consent subgraph decides locally, others ask it). */
  consentDecider: ConsentDecider;
  /** Appends partner disclosures to the disclosure ledger before the response leaves. */
  disclosureRecorder: DisclosureRecorder;
  production?: boolean;
  /** Extra Apollo plugins, e.g. one that stops a background timer when the server stops. */
  plugins?: ApolloServerPlugin<SubgraphContext<Loaders>>[];
  /** Endpoints beside GraphQL (the import endpoint); they verify the caller token themselves. */
  routes?: HttpRoutes;
}

export interface SubgraphServer<Loaders> {
  schema: GraphQLSchema;
  apollo: ApolloServer<SubgraphContext<Loaders>>;
  http: Server;
  /** The per-request context factory, exposed for in-process tests. */
  contextFor(request: Pick<IncomingMessage, 'headers'>): Promise<SubgraphContext<Loaders>>;
  /** Non-GraphQL endpoints, served by whoever listens (startSubgraph) beside /graphql. */
  routes?: HttpRoutes;
}

/**
 * Before a response carrying a partner's personal data leaves, its disclosures are appended
 * to the ledger; if that fails the data is withheld (no unrecorded disclosure).
 */
function recordDisclosuresPlugin(subgraph: string, recorder: DisclosureRecorder): ApolloServerPlugin<SubgraphContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue?.disclosures || !mustRecordDisclosures(contextValue.caller)) return;
          const disclosures = contextValue.disclosures.list();
          if (disclosures.length === 0 || response.body.kind !== 'single') return;
          try {
            await recorder.record(contextValue.caller, subgraph, disclosures);
          } catch (error) {
            serviceLogger(subgraph).error({ reason: (error as Error).message }, 'disclosure ledger unavailable, withholding data');
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [{ message: 'Personal data withheld: the disclosure could not be recorded', extensions: { code: ErrorCode.CONSENT_REQUIRED, reason: 'DISCLOSURE_NOT_RECORDED' } }];
          }
        },
      };
    },
  };
}

/** The one way every subgraph is served: caller verification, per-request loaders, masked errors. */
export async function createSubgraphServer<Loaders>(options: SubgraphServerOptions<Loaders>): Promise<SubgraphServer<Loaders>> {
  useCursorKey(options.callerSigningKey);
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema: options.schema,
    // Inline tracing and cache-control hints cost CPU on every request (cache control wraps every
    // field resolver) and nothing here consumes them.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...offlinePlugins<SubgraphContext<Loaders>>(!!options.production),
      accessRecordPlugin<SubgraphContext<Loaders>>(),
      recordDisclosuresPlugin(options.name, options.disclosureRecorder),
      ...(options.plugins ?? []),
    ],
    // Our own shutdown drains requests first; Apollo's handler would stop mid-request and re-signal.
    stopOnTerminationSignals: false,
    formatError: maskError(options.name),
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: !!options.production,
  });
  await apollo.start();

  const contextFor = async (request: Pick<IncomingMessage, 'headers'>): Promise<SubgraphContext<Loaders>> => {
    const header = request.headers[CALLER_HEADER];
    const verified = verifyCallerTokenOnce(options.callerSigningKey, Array.isArray(header) ? header[0] : header, options.name);
    // Defence in depth: even a correctly signed caller never holds more than its kind's ceiling.
    const check = verified.ok && exceedsCeiling(verified.caller) ? { ok: false as const, reason: "the caller's scopes exceed its kind's ceiling" } : verified;
    if (!check.ok) {
      throw new GraphQLError(`Subgraph ${options.name} only answers the gateway: ${check.reason}`, {
        extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
      });
    }
    const caller = check.caller;
    const byPurpose = new Map<string, RequestConsentDecisions>();
    // Every purpose's per-customer asks of one tick travel together (one exchange).
    const purposeDecisions = new RequestPurposeDecisions(caller.clientId, options.consentDecider);
    // A purpose-only question ("did this customer consent to PROFILING?"), whoever is calling.
    const consentFor = (purpose: string) => {
      let decisions = byPurpose.get(purpose);
      if (!decisions) {
        decisions = new RequestConsentDecisions(purposeCaller(caller.clientId, purpose), options.consentDecider, (request) => purposeDecisions.decide(purpose, request));
        byPurpose.set(purpose, decisions);
      }
      return decisions;
    };
    const consent = new RequestConsentDecisions(caller, options.consentDecider);
    const audience = new RequestAudience(caller, consent);
    return {
      requestId: currentScope()?.requestId ?? randomUUID(),
      caller,
      loaders: options.createLoaders({ caller, consentFor, audience }),
      consent,
      audience,
      disclosures: new RequestDisclosures(),
      consentFor,
    };
  };

  return { schema: options.schema, apollo, http: createGraphQLHttpServer({ apollo, context: contextFor, service: options.name, routes: options.routes }), contextFor, routes: options.routes };
}
