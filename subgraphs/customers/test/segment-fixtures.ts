import { PeerUnavailableError, type Caller, type PeerClient, type SubgraphName } from '@c360/shared';
import type { SubgraphHarness } from '@c360/shared/testing';

export const SEGMENT_FIELDS = `id name description version rule purpose evaluatedAt memberCount
  versions { version name rule createdBy evaluatedAt memberCount }`;

export const CREATE_SEGMENT = `mutation Create($input: CreateSegmentInput!) { createSegment(input: $input) { ${SEGMENT_FIELDS} } }`;
export const UPDATE_SEGMENT = `mutation Update($id: ID!, $input: UpdateSegmentInput!) { updateSegment(id: $id, input: $input) { ${SEGMENT_FIELDS} } }`;
export const REFRESH_SEGMENT = `mutation Refresh($id: ID!) { refreshSegment(id: $id) { id evaluatedAt memberCount } }`;
export const SEGMENT_MEMBERS = `query Members($id: ID!, $first: Int, $after: String) {
  segment(id: $id) { id version evaluatedAt memberCount members(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id displayName } } } }
}`;
export const SEGMENT_COUNT = `{ segments(first: 1) { totalCount } }`;

export interface SegmentResult {
  id: string;
  name: string;
  description: string | null;
  version: number;
  rule: Record<string, unknown>;
  purpose: string;
  evaluatedAt: string | null;
  memberCount: number;
  versions: { version: number; name: string; rule: Record<string, unknown>; createdBy: string; evaluatedAt: string | null; memberCount: number | null }[];
}

export interface MembersResult {
  segment: {
    id: string;
    version: number;
    evaluatedAt: string | null;
    memberCount: number;
    members: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; displayName: string } }[] };
  } | null;
}

/** A condition as the rule input takes it. */
export const condition = (field: string, operator: string, values: (string | number)[], extra: Record<string, unknown> = {}) => ({
  condition: { field, operator, values: values.map(String), ...extra },
});

interface ContractCondition {
  field: string;
  operator: string;
  values: string[];
  withinDays: number | null;
  partnerId: string | null;
}

/**
 * Stands in for the transactions and consent subgraphs: answers each condition with the ids
 * the test gave for (field, values), and records every call so batching can be checked.
 */
export class FakeConditionPeers implements PeerClient {
  readonly calls: { peer: SubgraphName; caller: Caller; conditions: ContractCondition[] }[] = [];
  private readonly answers = new Map<string, string[]>();
  down = false;
  /** Runs once, before the next call is answered: a write interleaved while a request waits on its peers. */
  beforeNextCall?: () => Promise<unknown>;

  answer(field: string, values: (string | number)[], customerIds: string[]): void {
    this.answers.set(`${field}:${values.map(String).join(',')}`, customerIds);
  }

  async query<T>(peer: SubgraphName, caller: Caller, _query: string, variables: Record<string, unknown> = {}): Promise<T> {
    if (this.down) throw new PeerUnavailableError(peer, 'down for the test');
    const before = this.beforeNextCall;
    this.beforeNextCall = undefined;
    if (before) await before();
    const conditions = variables.conditions as ContractCondition[];
    this.calls.push({ peer, caller, conditions });
    const field = peer === 'transactions' ? 'transactionSegmentMatches' : 'consentSegmentMatches';
    return { [field]: conditions.map((c) => this.answers.get(`${c.field}:${c.values.join(',')}`) ?? []) } as T;
  }
}

const CREATE_CUSTOMER = `mutation C($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;

export async function createCustomer(harness: SubgraphHarness, givenName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await harness.execute<{ createCustomer: { id: string } }, { input: Record<string, unknown> }>(CREATE_CUSTOMER, {
    input: { givenName, acquisitionChannel: 'WEB', ...extra },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createCustomer.id;
}

export async function recordInteraction(harness: SubgraphHarness, customerId: string, channel: string, occurredAt = new Date()): Promise<void> {
  const result = await harness.execute(`mutation R($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`, {
    input: { customerId, channel, kind: 'PASSIVE', type: 'PAGE_VIEW', occurredAt: occurredAt.toISOString() },
  } as never);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}

/** Every member id of a segment, paging through with keyset cursors. */
export async function allMembers(harness: SubgraphHarness, id: string, first = 2): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { data?: MembersResult | null; errors?: unknown } = await harness.execute<MembersResult>(SEGMENT_MEMBERS, { id, first, after } as never);
    if (page.errors) throw new Error(JSON.stringify(page.errors));
    const members = page.data!.segment!.members;
    ids.push(...members.edges.map((e) => e.node.id));
    if (!members.pageInfo.hasNextPage) return ids;
    after = members.pageInfo.endCursor;
  }
}
