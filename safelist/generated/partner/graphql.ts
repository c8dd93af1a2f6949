/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A webhook endpoint and the event types it receives */
export type CreateWebhookSubscriptionInput = {
  /** Known event types, e.g. order.recorded, consent.withdrawn, customer.erased */
  eventTypes: Array<string>;
  /** https only; loopback and private addresses are refused in production */
  url: string;
};

export type PartnerCustomersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PartnerCustomersQuery = { customers: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, displayName: string | null, email: string | null } }> } | null };

export type PartnerWebhookSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerWebhookSubscriptionsQuery = { webhookSubscriptions: Array<{ id: string, url: string, eventTypes: Array<string>, createdAt: string, previousSecretValidUntil: string | null, disabledAt: string | null }> };

export type PartnerCreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type PartnerCreateWebhookSubscriptionMutation = { createWebhookSubscription: { secret: string, subscription: { id: string, url: string, eventTypes: Array<string>, createdAt: string } } };

export type PartnerRotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type PartnerRotateWebhookSecretMutation = { rotateWebhookSubscriptionSecret: { secret: string, subscription: { id: string, previousSecretValidUntil: string | null } } };

export type PartnerDisableWebhookSubscriptionMutationVariables = Exact<{
  id: string | number;
}>;


export type PartnerDisableWebhookSubscriptionMutation = { disableWebhookSubscription: { id: string, disabledAt: string | null } };


export const PartnerCustomersDocument = {"__meta__":{"hash":"sha256:035920807ddd98b05203ceb12986b75cf54858e26bfb4862b8603d44edce789d"}} as unknown as DocumentNode<PartnerCustomersQuery, PartnerCustomersQueryVariables>;
export const PartnerWebhookSubscriptionsDocument = {"__meta__":{"hash":"sha256:9127e23e683c5d3f4719a03f7ecb993c61f85bc85c4b6dbd7c582beeee2abc88"}} as unknown as DocumentNode<PartnerWebhookSubscriptionsQuery, PartnerWebhookSubscriptionsQueryVariables>;
export const PartnerCreateWebhookSubscriptionDocument = {"__meta__":{"hash":"sha256:a6ac973476782d77b4390cd7ac6937ba18feba8bee434a59046263a7407fb6f4"}} as unknown as DocumentNode<PartnerCreateWebhookSubscriptionMutation, PartnerCreateWebhookSubscriptionMutationVariables>;
export const PartnerRotateWebhookSecretDocument = {"__meta__":{"hash":"sha256:b8062a2e84ff29f694df7b9e9a00ea1af6d74d2ba31d7b857b10539018f4dbe1"}} as unknown as DocumentNode<PartnerRotateWebhookSecretMutation, PartnerRotateWebhookSecretMutationVariables>;
export const PartnerDisableWebhookSubscriptionDocument = {"__meta__":{"hash":"sha256:b8c614662f4ddb1dfefd237f2c7eb1d29211a5a2e2f4ce0f5184f20770b9ca57"}} as unknown as DocumentNode<PartnerDisableWebhookSubscriptionMutation, PartnerDisableWebhookSubscriptionMutationVariables>;