import type { ApolloServer } from '@apollo/server';
import { CallerKind } from '@c360/shared';
import type { GatewayContext } from '../gateway-context';

/** The sign-in's own reads: a SERVICE caller (no consent needed to serve the person signing in). */
const SERVICE_CALLER = { clientId: 'web-sign-in', kind: CallerKind.INTERNAL_APP, scopes: ['customers:read', 'customers.pii:read', 'consent:read'], purpose: 'SERVICE' };

export interface SignInLookups {
  demoCustomers(): Promise<{ id: string; displayName: string | null }[]>;
  /** The customer's id, or undefined when there is none (never was, or erased). */
  customer(id: string): Promise<string | undefined>;
  /** The customer whose external id in `system` is the identity provider's subject, linked to them (not moved there by a merge). */
  customerBySubject(system: string, subject: string): Promise<string | undefined>;
  /** The purpose codes the consent subgraph knows. */
  purposeCodes(): Promise<string[]>;
}

export function signInLookups(apollo: ApolloServer<GatewayContext>): SignInLookups {
  const ask = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const result = await apollo.executeOperation({ query, variables }, { contextValue: { caller: SERVICE_CALLER } });
    return result.body.kind === 'single' ? (result.body.singleResult.data as T | undefined) : undefined;
  };
  return {
    demoCustomers: async () =>
      (await ask<{ customers: { edges: { node: { id: string; displayName: string | null } }[] } }>('{ customers(first: 8) { edges { node { id displayName } } } }'))?.customers.edges.map(
        (e) => e.node,
      ) ?? [],
    customer: async (id) => (await ask<{ customer: { id: string } | null }>('query($id: ID!) { customer(id: $id) { id } }', { id }))?.customer?.id,
    customerBySubject: async (system, id) =>
      // followMerges: false: a subject a merge moved from a retired profile signs nobody in (a wrong merge must not
      // sign the retired profile's holder in as the survivor; the survivor's own subject still signs in).
      (
        await ask<{ customerByExternalId: { id: string } | null }>('query($system: String!, $id: String!) { customerByExternalId(system: $system, id: $id, followMerges: false) { id } }', {
          system,
          id,
        })
      )?.customerByExternalId?.id,
    purposeCodes: async () => (await ask<{ purposes: { code: string }[] | null }>('{ purposes { code } }'))?.purposes?.map((p) => p.code) ?? [],
  };
}
