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
    "query BiCustomerCountsByCountry {\n  customerCounts(groupBy: COUNTRY) {\n    minimumGroupSize\n    countedCustomers\n    suppressedGroups\n    buckets {\n      key\n      customers\n    }\n  }\n}": typeof types.BiCustomerCountsByCountryDocument,
    "query BiSurveySummaries($groupBy: SurveyGroup!, $attributeKey: String! = \"nps\", $withinDays: Int! = 90) {\n  surveySummaries(\n    groupBy: $groupBy\n    attributeKey: $attributeKey\n    withinDays: $withinDays\n  ) {\n    minimumGroupSize\n    suppressedGroups\n    epsilon\n    groups {\n      key\n      name\n      respondents\n      promoters\n      passives\n      detractors\n      nps\n    }\n  }\n}": typeof types.BiSurveySummariesDocument,
};
const documents: Documents = {
    "query BiCustomerCountsByCountry {\n  customerCounts(groupBy: COUNTRY) {\n    minimumGroupSize\n    countedCustomers\n    suppressedGroups\n    buckets {\n      key\n      customers\n    }\n  }\n}": types.BiCustomerCountsByCountryDocument,
    "query BiSurveySummaries($groupBy: SurveyGroup!, $attributeKey: String! = \"nps\", $withinDays: Int! = 90) {\n  surveySummaries(\n    groupBy: $groupBy\n    attributeKey: $attributeKey\n    withinDays: $withinDays\n  ) {\n    minimumGroupSize\n    suppressedGroups\n    epsilon\n    groups {\n      key\n      name\n      respondents\n      promoters\n      passives\n      detractors\n      nps\n    }\n  }\n}": types.BiSurveySummariesDocument,
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
export function graphql(source: "query BiCustomerCountsByCountry {\n  customerCounts(groupBy: COUNTRY) {\n    minimumGroupSize\n    countedCustomers\n    suppressedGroups\n    buckets {\n      key\n      customers\n    }\n  }\n}"): (typeof documents)["query BiCustomerCountsByCountry {\n  customerCounts(groupBy: COUNTRY) {\n    minimumGroupSize\n    countedCustomers\n    suppressedGroups\n    buckets {\n      key\n      customers\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BiSurveySummaries($groupBy: SurveyGroup!, $attributeKey: String! = \"nps\", $withinDays: Int! = 90) {\n  surveySummaries(\n    groupBy: $groupBy\n    attributeKey: $attributeKey\n    withinDays: $withinDays\n  ) {\n    minimumGroupSize\n    suppressedGroups\n    epsilon\n    groups {\n      key\n      name\n      respondents\n      promoters\n      passives\n      detractors\n      nps\n    }\n  }\n}"): (typeof documents)["query BiSurveySummaries($groupBy: SurveyGroup!, $attributeKey: String! = \"nps\", $withinDays: Int! = 90) {\n  surveySummaries(\n    groupBy: $groupBy\n    attributeKey: $attributeKey\n    withinDays: $withinDays\n  ) {\n    minimumGroupSize\n    suppressedGroups\n    epsilon\n    groups {\n      key\n      name\n      respondents\n      promoters\n      passives\n      detractors\n      nps\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;