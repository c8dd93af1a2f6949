import { randomUUID } from 'node:crypto';
import type { SubgraphHarness } from '@c360/shared/testing';

const RESPONSE_FIELDS = 'id eventId type channel occurredAt revenue recordedAt order { __typename id } offer { id } customer { __typename id }';
const RECORD = `mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { ${RESPONSE_FIELDS} } }`;
const RECORD_MANY = `mutation($inputs: [RecordOfferResponseInput!]!) { recordOfferResponses(inputs: $inputs) { ${RESPONSE_FIELDS} } }`;

export interface RecordedResponse {
  id: string;
  eventId: string;
  type: string;
  channel: string;
  occurredAt: string;
  revenue: number | null;
  recordedAt: string;
  order: { __typename: string; id: string } | null;
  offer: { id: string };
  customer: { __typename: string; id: string };
}

type Vars = Record<string, unknown>;

/** A response input with a fresh eventId; `at` keeps fixtures in a known order. */
export const responseInput = (offerId: string, customerId: string, type: string, extra: Vars = {}): Vars => ({
  eventId: `evt-${randomUUID()}`,
  offerId,
  customerId,
  type,
  channel: 'EMAIL',
  occurredAt: '2025-01-10T10:00:00.000Z',
  ...(type === 'REDEEMED' ? { orderId: randomUUID() } : {}),
  ...extra,
});

/** Thin wrappers over the response mutations, so tests read as specifications. */
export function responsesApi(harness: SubgraphHarness) {
  const run = <T>(query: string, variables: Vars) => harness.execute<T, Vars>(query, variables);
  return {
    recordRaw: (input: Vars) => run<{ recordOfferResponse: RecordedResponse }>(RECORD, { input }),
    async record(input: Vars): Promise<RecordedResponse> {
      const result = await this.recordRaw(input);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.recordOfferResponse;
    },
    recordManyRaw: (inputs: Vars[]) => run<{ recordOfferResponses: RecordedResponse[] }>(RECORD_MANY, { inputs }),
    async recordMany(inputs: Vars[]): Promise<RecordedResponse[]> {
      const result = await this.recordManyRaw(inputs);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.recordOfferResponses;
    },
    async count(): Promise<number> {
      const [{ n }] = await harness.dataSource.query('SELECT count(*)::int AS n FROM offers.offer_response');
      return n;
    },
  };
}
