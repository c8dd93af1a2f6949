import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { CallerKind, ErrorCode } from '@c360/shared';
import type { GatewayContext } from '../gateway-context';

/** Which folder of safelist/ holds each restricted kind's documents. */
const SAFELIST_FOLDERS: Partial<Record<CallerKind, string>> = { [CallerKind.PARTNER]: 'partner', [CallerKind.BI]: 'bi' };

/** Per restricted kind: sha256 (hex) of each registered document -> its text. */
export type TrustedDocuments = Map<CallerKind, Map<string, string>>;

export interface TrustedDocumentSettings {
  /** The generated manifests (safelist/generated/<kind>/persisted-documents.json). */
  dir: string;
  /** Development and tests only (refused in production): restricted kinds may also send ad-hoc operations. */
  adHocAllowed: boolean;
}

export function loadTrustedDocuments(dir: string): TrustedDocuments {
  const documents: TrustedDocuments = new Map();
  for (const [kind, folder] of Object.entries(SAFELIST_FOLDERS)) {
    const manifest = JSON.parse(readFileSync(join(dir, folder, 'persisted-documents.json'), 'utf8')) as Record<string, string>;
    documents.set(kind as CallerKind, new Map(Object.entries(manifest).map(([id, text]) => [id.replace(/^sha256:/, ''), text])));
  }
  return documents;
}

/**
 * Apollo's persisted-query cache, pre-filled with every trusted document and read-only:
 * a partner sends `extensions.persistedQuery.sha256Hash` and no text.
 */
export function trustedDocumentCache(documents: TrustedDocuments): KeyValueCache<string> {
  const byHash = new Map([...documents.values()].flatMap((kind) => [...kind]));
  return {
    async get(key) {
      return byHash.get(key.replace(/^apq:/, ''));
    },
    async set() {},
    async delete() {
      return true;
    },
  };
}

/** PARTNER and BI tokens run only their kind's registered documents; other kinds may send any operation. */
export function trustedDocumentsPlugin(documents: TrustedDocuments, adHocAllowed: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, queryHash }) {
          const trusted = documents.get(contextValue.caller.kind);
          if (!trusted || adHocAllowed || trusted.has(queryHash)) return;
          throw new GraphQLError('This token may only run registered operations: send the id of a trusted document (see "Partners and BI tools" in the README)', {
            extensions: { code: ErrorCode.OPERATION_NOT_TRUSTED, http: { status: 403 } },
          });
        },
      };
    },
  };
}
