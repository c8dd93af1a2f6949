import { Kind, visit, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/** Strings shorter than this, and UPPER_SNAKE codes (purposes, enums), are vocabulary rather than values. */
const MIN_ECHO_LENGTH = 4;
const VOCABULARY = /^[A-Z][A-Z0-9_]*$/;
const WITHHELD = '[input withheld]';

function collectStrings(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string') {
    if (value.length >= MIN_ECHO_LENGTH && !VOCABULARY.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collectStrings(item, into, depth + 1);
  }
}

/** Every string the client sent: variables and string literals in the document. */
export function inputStrings(variables: Record<string, unknown> | undefined, document: DocumentNode | undefined): string[] {
  const strings = new Set<string>();
  collectStrings(variables ?? {}, strings);
  if (document) visit(document, { [Kind.STRING]: (node) => collectStrings(node.value, strings) });
  // Longest first, so a value that contains a shorter one is withheld whole.
  return [...strings].sort((a, b) => b.length - a.length);
}

function scrub(value: unknown, strings: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return strings.reduce((text, s) => (text.includes(s) ? text.split(s).join(WITHHELD) : text), value);
  if (depth > 16) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, strings, depth + 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, strings, depth + 1)]));
  return value;
}

/** An error with every client-sent string replaced; path and locations are the schema's, kept as they are. */
export function withoutEchoes(error: GraphQLFormattedError, strings: readonly string[]): GraphQLFormattedError {
  if (strings.length === 0) return error;
  return { ...error, message: scrub(error.message, strings) as string, ...(error.extensions ? { extensions: scrub(error.extensions, strings) as Record<string, unknown> } : {}) };
}

/**
 * The last line behind "errors never echo input": whatever a subgraph or the gateway wrote into
 * an error (a message quoting an id, an e-mail in an extension), no string the client sent
 * leaves in an error. Runs only when a response carries errors.
 */
export function inputEchoGuardPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, document, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length) return;
          const strings = inputStrings(request.variables, document);
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => withoutEchoes(error, strings));
        },
      };
    },
  };
}
