import type { TypedDocumentString } from '../gql/graphql';

export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; purpose?: string; category?: string };
}

export interface Result<T> {
  data?: T | null;
  errors?: GraphQLErrorItem[];
}

/** POST /graphql with the in-memory token; personal data travels only in bodies, never in URLs. */
export async function request<T, V>(document: TypedDocumentString<T, V>, variables: V, token: string): Promise<Result<T>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document.toString(), variables }),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (response.status === 401) throw new SignedOut();
  return (await response.json()) as Result<T>;
}

export class SignedOut extends Error {
  constructor() {
    super('signed out');
  }
}

/** The withheld fields of an answer, by path (e.g. "customer.email"), with the decision's reason. */
export function withheldFields(errors: GraphQLErrorItem[] | undefined): Map<string, GraphQLErrorItem> {
  const withheld = new Map<string, GraphQLErrorItem>();
  for (const error of errors ?? []) {
    if (error.extensions?.code === 'CONSENT_REQUIRED' && error.path) withheld.set(error.path.join('.'), error);
  }
  return withheld;
}

/** Saves JSON as a file through a blob URL (nothing in the address bar, nothing stored). */
export function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export interface OidcClient {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}

export interface WebConfig {
  signIn: 'development' | 'oidc' | 'none';
  /** The privacy centre's provider (customers). */
  oidc?: OidcClient;
  /** The console's provider (staff). */
  consoleOidc?: OidcClient;
  /** The development sign-in is mounted (loopback only). */
  development: boolean;
}

export async function loadConfig(): Promise<WebConfig> {
  return (await (await fetch('/web/config.json', { cache: 'no-store' })).json()) as WebConfig;
}

/** A development token, or the gateway's error code (e.g. UNKNOWN_PURPOSE) when none was minted. */
export async function devToken(body: { kind: 'CUSTOMER'; customerId: string } | { kind: 'STAFF'; role: string; purpose: string }): Promise<{ token: string } | { error: string }> {
  const response = await fetch('/dev/sign-in/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => ({}))) as { token?: string; error?: { code?: string } };
  return response.ok && answer.token ? { token: answer.token } : { error: answer.error?.code ?? 'SIGN_IN_FAILED' };
}
