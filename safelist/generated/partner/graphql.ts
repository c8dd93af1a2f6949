/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type PartnerCustomersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PartnerCustomersQuery = { customers: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, displayName: string | null, email: string | null } }> } | null };


export const PartnerCustomersDocument = {"__meta__":{"hash":"sha256:035920807ddd98b05203ceb12986b75cf54858e26bfb4862b8603d44edce789d"}} as unknown as DocumentNode<PartnerCustomersQuery, PartnerCustomersQueryVariables>;