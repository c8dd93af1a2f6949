import DataLoader from 'dataloader';
import type { PurchaseSummaryRow } from './purchase-summary.repository';
import type { PurchaseSummaryType } from './purchase-summary.type';

const NO_PURCHASES: PurchaseSummaryType = { orderCount: 0, totalSpend: 0, currency: null, firstPurchaseAt: null, lastPurchaseAt: null };

/** Per-request loaders for the fields this subgraph adds to Customer. */
export function createCustomerLoaders(summaries: { summaries(customerIds: readonly string[]): Promise<PurchaseSummaryRow[]> }) {
  return {
    purchaseSummary: new DataLoader<string, PurchaseSummaryType>(async (customerIds) => {
      const byCustomer = new Map((await summaries.summaries(customerIds)).map(({ customerId, ...summary }) => [customerId, summary]));
      return customerIds.map((id) => byCustomer.get(id) ?? NO_PURCHASES);
    }),
  };
}

export type CustomerLoaders = ReturnType<typeof createCustomerLoaders>;
