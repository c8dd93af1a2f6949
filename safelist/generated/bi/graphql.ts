/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** SEGMENT: current members of each segment; CAMPAIGN: answers naming the campaign in attributes.campaignId */
export type SurveyGroup =
  | 'CAMPAIGN'
  | 'SEGMENT';

export type BiCustomerCountsByCountryQueryVariables = Exact<{ [key: string]: never; }>;


export type BiCustomerCountsByCountryQuery = { customerCounts: { minimumGroupSize: number, countedCustomers: number, suppressedGroups: number, buckets: Array<{ key: string, customers: number }> } | null };

export type BiSurveySummariesQueryVariables = Exact<{
  groupBy: SurveyGroup;
  attributeKey?: string;
  withinDays?: number;
}>;


export type BiSurveySummariesQuery = { surveySummaries: { minimumGroupSize: number, suppressedGroups: number, epsilon: number, groups: Array<{ key: string, name: string | null, respondents: number, promoters: number, passives: number, detractors: number, nps: number | null }> } };


export const BiCustomerCountsByCountryDocument = {"__meta__":{"hash":"sha256:5c3e577a81cd96c94679693acc1eeececb970a9387e49ebba1f4fa46ea6e624a"}} as unknown as DocumentNode<BiCustomerCountsByCountryQuery, BiCustomerCountsByCountryQueryVariables>;
export const BiSurveySummariesDocument = {"__meta__":{"hash":"sha256:bd9cfee1d8fa3bdd97c7da08ce97a4bf883fa7234805dd987e8fcc575fc8ce2a"}} as unknown as DocumentNode<BiSurveySummariesQuery, BiSurveySummariesQueryVariables>;