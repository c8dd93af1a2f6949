import DataLoader from 'dataloader';
import { isUuid } from '@c360/shared';
import type { LedgerRepository, LedgerRow } from './ledger.repository';

export function createLedgerLoaders(ledger: LedgerRepository) {
  return {
    /** Ledger events by id; keys are lower-case, non-UUIDs simply have none. */
    consentEventById: new DataLoader<string, LedgerRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const byId = new Map((valid.length ? await ledger.findByIds(valid) : []).map((e) => [e.id, e]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type LedgerLoaders = ReturnType<typeof createLedgerLoaders>;
