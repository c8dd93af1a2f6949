/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query PartnerCustomers($first: Int, $after: String) {\n  customers(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        email\n      }\n    }\n  }\n}": typeof types.PartnerCustomersDocument,
    "query PartnerWebhookSubscriptions {\n  webhookSubscriptions {\n    id\n    url\n    eventTypes\n    createdAt\n    previousSecretValidUntil\n    disabledAt\n  }\n}\n\nmutation PartnerCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n  createWebhookSubscription(input: $input) {\n    secret\n    subscription {\n      id\n      url\n      eventTypes\n      createdAt\n    }\n  }\n}\n\nmutation PartnerRotateWebhookSecret($id: ID!) {\n  rotateWebhookSubscriptionSecret(id: $id) {\n    secret\n    subscription {\n      id\n      previousSecretValidUntil\n    }\n  }\n}\n\nmutation PartnerDisableWebhookSubscription($id: ID!) {\n  disableWebhookSubscription(id: $id) {\n    id\n    disabledAt\n  }\n}": typeof types.PartnerWebhookSubscriptionsDocument,
};
const documents: Documents = {
    "query PartnerCustomers($first: Int, $after: String) {\n  customers(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        email\n      }\n    }\n  }\n}": types.PartnerCustomersDocument,
    "query PartnerWebhookSubscriptions {\n  webhookSubscriptions {\n    id\n    url\n    eventTypes\n    createdAt\n    previousSecretValidUntil\n    disabledAt\n  }\n}\n\nmutation PartnerCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n  createWebhookSubscription(input: $input) {\n    secret\n    subscription {\n      id\n      url\n      eventTypes\n      createdAt\n    }\n  }\n}\n\nmutation PartnerRotateWebhookSecret($id: ID!) {\n  rotateWebhookSubscriptionSecret(id: $id) {\n    secret\n    subscription {\n      id\n      previousSecretValidUntil\n    }\n  }\n}\n\nmutation PartnerDisableWebhookSubscription($id: ID!) {\n  disableWebhookSubscription(id: $id) {\n    id\n    disabledAt\n  }\n}": types.PartnerWebhookSubscriptionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerCustomers($first: Int, $after: String) {\n  customers(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        email\n      }\n    }\n  }\n}"): (typeof documents)["query PartnerCustomers($first: Int, $after: String) {\n  customers(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        email\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerWebhookSubscriptions {\n  webhookSubscriptions {\n    id\n    url\n    eventTypes\n    createdAt\n    previousSecretValidUntil\n    disabledAt\n  }\n}\n\nmutation PartnerCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n  createWebhookSubscription(input: $input) {\n    secret\n    subscription {\n      id\n      url\n      eventTypes\n      createdAt\n    }\n  }\n}\n\nmutation PartnerRotateWebhookSecret($id: ID!) {\n  rotateWebhookSubscriptionSecret(id: $id) {\n    secret\n    subscription {\n      id\n      previousSecretValidUntil\n    }\n  }\n}\n\nmutation PartnerDisableWebhookSubscription($id: ID!) {\n  disableWebhookSubscription(id: $id) {\n    id\n    disabledAt\n  }\n}"): (typeof documents)["query PartnerWebhookSubscriptions {\n  webhookSubscriptions {\n    id\n    url\n    eventTypes\n    createdAt\n    previousSecretValidUntil\n    disabledAt\n  }\n}\n\nmutation PartnerCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n  createWebhookSubscription(input: $input) {\n    secret\n    subscription {\n      id\n      url\n      eventTypes\n      createdAt\n    }\n  }\n}\n\nmutation PartnerRotateWebhookSecret($id: ID!) {\n  rotateWebhookSubscriptionSecret(id: $id) {\n    secret\n    subscription {\n      id\n      previousSecretValidUntil\n    }\n  }\n}\n\nmutation PartnerDisableWebhookSubscription($id: ID!) {\n  disableWebhookSubscription(id: $id) {\n    id\n    disabledAt\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;