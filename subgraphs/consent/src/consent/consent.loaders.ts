import DataLoader from 'dataloader';
import { SEQ_CURSOR, badInput, createChildPageLoader, isUuid } from '@c360/shared';
import type { ConsentEventEntity } from './consent-event.entity';
import { toConsentEventType } from './consent.mapper';
import type { ConsentRepository } from './consent.repository';
import type { ConsentEventType } from './consent.type';

function afterSeq(key: readonly (string | number)[] | undefined): number | undefined {
  if (!key) return undefined;
  const seq = key[0];
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) throw badInput('The "after" cursor is not valid for this list', { argument: 'after' });
  return seq;
}

export function createConsentLoaders(ledger: ConsentRepository) {
  return {
    /** Current state per (purpose, partner) of each customer; keys are lower-case ids, non-UUIDs simply have none. */
    currentConsents: new DataLoader<string, ConsentEventEntity[]>(async (customerIds) => {
      const valid = customerIds.filter(isUuid);
      const grouped = new Map<string, ConsentEventEntity[]>(customerIds.map((id) => [id, []]));
      for (const row of valid.length ? await ledger.currentStates(valid) : []) grouped.get(row.customerId)?.push(row);
      return customerIds.map((id) => grouped.get(id) ?? []);
    }),
    consentHistoryPage: createChildPageLoader<ConsentEventEntity, ConsentEventType>({
      fetch: async (customerIds, size, after) => {
        const valid = customerIds.filter(isUuid);
        return valid.length ? ledger.histories(valid, size, afterSeq(after)) : { rows: [], totals: new Map() };
      },
      parentOf: (row) => row.customerId,
      cursorKeyOf: (row) => [row.seq],
      cursorShape: SEQ_CURSOR,
      cursorList: 'Customer.consentHistory',
      toNode: toConsentEventType,
    }),
  };
}

export type ConsentLoaders = ReturnType<typeof createConsentLoaders>;
