import type { CustomerValueType } from '../value/customer-value.type';
import { releasedValue } from '../value/value.loaders';
import type { CoPurchaseRestriction, CoPurchaseRow } from './co-purchase.repository';
import type { TargetingRepository } from './targeting.repository';
import type { CoPurchaseType, CustomerTargetingFactsType, OfferTargetingFactsType } from './targeting.type';

export interface TargetingFactsRequest {
  customerIds: string[];
  skus: string[];
  withCoPurchases: boolean;
  /** Only the co-purchase pairs the caller can use (default: every pair). */
  coPurchases?: CoPurchaseRestriction;
}

/** Whose values are withheld (no PROFILING consent), from the request's batched decision, as for Customer.value. */
export type ValueWithholding = (customerIds: string[]) => Promise<boolean[]>;

/**
 * What the offer engine needs to know about a page of customers and the offered products,
 * in one statement: values (withheld without PROFILING consent), purchases, co-purchases (as of
 * the last full value refresh), and stock; the PROFILING decision is asked meanwhile.
 */
export class TargetingService {
  constructor(
    private readonly repository: TargetingRepository,
    private readonly windowDays: number,
  ) {}

  async facts(request: TargetingFactsRequest, withholding: ValueWithholding): Promise<OfferTargetingFactsType> {
    const coPurchases = request.withCoPurchases ? (request.coPurchases ?? { alsoBoughtIn: null, inStockOnly: false }) : null;
    const [rows, withheld] = await Promise.all([this.repository.facts({ customerIds: request.customerIds, skus: request.skus, coPurchases }), withholding(request.customerIds)]);
    const customers = request.customerIds.map((customerId, i): CustomerTargetingFactsType => ({
      customerId,
      ...valueFacts(releasedValue(rows.values[i], withheld[i], this.windowDays)),
      categories: rows.purchases[i].categories,
      skus: rows.purchases[i].skus,
    }));
    return { customers, products: rows.products, coPurchases: rows.pairs.map(toCoPurchase) };
  }
}

function valueFacts(value: CustomerValueType) {
  return {
    valueWithheld: value.scoringWithheld,
    lifecycleStage: value.lifecycleStage,
    monetary: value.rfm?.monetary ?? null,
    monetaryScore: value.rfm?.monetaryScore ?? null,
    predictedValue: value.lifetimeValue?.predicted ?? null,
    churnRisk: value.churnRisk,
  };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : 0);

const toCoPurchase = (row: CoPurchaseRow): CoPurchaseType => ({
  sku: row.sku,
  alsoBought: row.alsoBought,
  together: row.together,
  support: ratio(row.together, row.orders),
  confidence: ratio(row.together, row.withSku),
});
