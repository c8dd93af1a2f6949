import { CallerKind, type Caller } from '../context/caller';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { PeerUnavailableError, type PeerClient } from './peer-client';

/** Internal scope of the feed-integrity contracts (customer existence, order facts); only service callers hold it. */
export const FEED_INTEGRITY_SCOPE = 'feeds:verify';

/** Who a subgraph is when it checks a feed against its peers. */
export const FEED_INTEGRITY_CALLER: Caller = { clientId: 'feed-integrity', kind: CallerKind.INTERNAL_APP, scopes: [FEED_INTEGRITY_SCOPE], purpose: 'SERVICE' };

export enum CustomerExistenceStatus {
  EXISTS = 'EXISTS',
  ERASED = 'ERASED',
  UNKNOWN = 'UNKNOWN',
  /** Retired by a merge: the answer names the survivor and the merge, so a feed lands on the one person. */
  MERGED = 'MERGED',
}

export const CUSTOMER_EXISTENCE_QUERY = `query CustomerExistence($customerIds: [ID!]!) {
  customerExistence(customerIds: $customerIds) { customerId status survivorId mergeId }
}`;

/** Where a feed naming an id writes: the id itself, or (retired id) its survivor, with the merge that retired it. */
export interface WritableCustomer {
  customerId: string;
  viaMerge: string | null;
}

interface ExistenceAnswer {
  customerId: string;
  status: CustomerExistenceStatus;
  survivorId?: string | null;
  mergeId?: string | null;
}

export const MAX_EXISTENCE_IDS = 1000;

export const subjectErased = (field = 'customerId') =>
  new DomainError(ErrorCode.SUBJECT_ERASED, 'The customer was erased: no new data is accepted for them', { reason: 'SUBJECT_ERASED', field });
export const unknownCustomer = (field = 'customerId') => new DomainError(ErrorCode.NOT_FOUND, 'No customer has this id', { field });
const customersUnavailable = () =>
  new DomainError(ErrorCode.SUBGRAPH_UNAVAILABLE, 'The customers subgraph could not confirm the customer; nothing was written', { subgraph: 'customers' });

/** Refuses writes for customers that never existed (NOT_FOUND) or were erased (SUBJECT_ERASED). */
export interface KnownCustomers {
  /** A retired (merged) id is NOT_FOUND here: for callers that must not learn of the alias. */
  assertWritable(customerIds: readonly string[], field?: string): Promise<void>;
  /**
   * Like assertWritable, but a retired id resolves to its survivor (keyed by the lower-cased id asked).
   * Only for callers that see every customer (staff, ERP feeds): to anyone else the alias is an oracle.
   */
  resolveWritable(customerIds: readonly string[], field?: string): Promise<Map<string, WritableCustomer>>;
}

const asThemselves = (customerIds: readonly string[]) => new Map<string, WritableCustomer>(customerIds.map((id) => [id.toLowerCase(), { customerId: id.toLowerCase(), viaMerge: null }]));

/** Feeds taken on trust (subgraph-level tests, where no customers subgraph runs). */
export const everyCustomerKnown: KnownCustomers = { assertWritable: async () => undefined, resolveWritable: async (ids) => asThemselves(ids) };

/**
 * Ids a merge step ran for in this process (the subject-data contract's mergeSubjectData): never
 * answered from an existence cache again. A cached EXISTS would land a write on an id that the
 * merge retires a moment later; a retired id is rare on a write path, so asking each time is cheap.
 * Process-wide, as the caches are (every cache in the process sees it at once).
 */
const mergedHere = new Set<string>();
const MAX_MERGED_REMEMBERED = 100_000;

/** Called by a merge step before it moves anything: the merge's ids bypass every existence cache of this process from now on. */
export function customersInMerge(customerIds: readonly string[]): void {
  if (mergedHere.size + customerIds.length > MAX_MERGED_REMEMBERED) mergedHere.clear();
  for (const id of customerIds) mergedHere.add(id.toLowerCase());
}

const cacheable = (id: string) => !mergedHere.has(id);

export interface KnownCustomersOptions {
  /** How long a positive answer is reused; negative answers never are (a new erasure is seen at once). */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Asks the customers subgraph (its @inaccessible `customerExistence` contract, one batched call),
 * remembering only "exists" for a few seconds. When customers cannot answer, the write is refused:
 * a feed never lands on an unverified customer.
 */
export function peerKnownCustomers(peers: PeerClient, options: KnownCustomersOptions = {}): KnownCustomers {
  const ttlMs = options.ttlMs ?? 5000;
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  const existsUntil = new Map<string, number>();
  /** Only EXISTS is remembered, never for an id a merge step ran for here: a merge, an unmerge or an erasure is seen by the next call. */
  async function resolve(customerIds: readonly string[], field: string, followAliases: boolean): Promise<Map<string, WritableCustomer>> {
    const ids = [...new Set(customerIds.map((id) => id.toLowerCase()))];
    const resolved = asThemselves(ids);
    const at = now();
    const ask = ids.filter((id) => !cacheable(id) || (existsUntil.get(id) ?? 0) <= at);
    for (let start = 0; start < ask.length; start += MAX_EXISTENCE_IDS) {
      const batch = ask.slice(start, start + MAX_EXISTENCE_IDS);
      let answer: { customerExistence: ExistenceAnswer[] };
      try {
        answer = await peers.query('customers', FEED_INTEGRITY_CALLER, CUSTOMER_EXISTENCE_QUERY, { customerIds: batch });
      } catch (error) {
        if (error instanceof PeerUnavailableError) throw customersUnavailable();
        throw error;
      }
      const answers = answer.customerExistence;
      if (answers.some((e) => e.status === CustomerExistenceStatus.ERASED)) throw subjectErased(field);
      const writable = (e: ExistenceAnswer) => e.status === CustomerExistenceStatus.EXISTS || (followAliases && e.status === CustomerExistenceStatus.MERGED && !!e.survivorId && !!e.mergeId);
      if (answers.length !== batch.length || answers.some((e, i) => e.customerId.toLowerCase() !== batch[i] || !writable(e))) throw unknownCustomer(field);
      if (existsUntil.size + batch.length > maxEntries) existsUntil.clear();
      for (const e of answers) {
        if (e.status === CustomerExistenceStatus.EXISTS) {
          if (cacheable(e.customerId.toLowerCase())) existsUntil.set(e.customerId.toLowerCase(), at + ttlMs);
        }
        else resolved.set(e.customerId.toLowerCase(), { customerId: e.survivorId!.toLowerCase(), viaMerge: e.mergeId! });
      }
    }
    return resolved;
  }
  return {
    async assertWritable(customerIds, field = 'customerId') {
      await resolve(customerIds, field, false);
    },
    resolveWritable: (customerIds, field = 'customerId') => resolve(customerIds, field, true),
  };
}

/** The feed check a subgraph app uses: through its peers, unless its options say feeds are trusted. */
export const knownCustomersFor = (options: { peers: PeerClient; trustFeeds?: boolean }): KnownCustomers => (options.trustFeeds ? everyCustomerKnown : peerKnownCustomers(options.peers));
