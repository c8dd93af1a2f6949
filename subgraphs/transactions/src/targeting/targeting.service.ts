import type { CustomerValueType } from '../value/customer-value.type';
import type { CoPurchaseRepository, CoPurchaseRestriction, CoPurchaseRow } from './co-purchase.repository';
import type { TargetingRepository } from './targeting.repository';
import type { CoPurchaseType, CustomerTargetingFactsType, OfferTargetingFactsType } from './targeting.type';


export interface TargetingFactsRequest {
  customerIds: string[];
  skus: string[];
  withCoPurchases: boolean;
  /** Only the co-purchase pairs the caller can use (default: every pair). */
  coPurchases?: CoPurchaseRestriction;
}

/** Loads value analyses through the request's value loader, so PROFILING withholding applies as for Customer.value. */
export type ValueSource = (customerIds: string[]) => Promise<CustomerValueType[]>;

/**
 * What the offer engine needs to know about a page of customers and the offered products,
 * in a constant number of statements: values (withheld without PROFILING consent), purchases,
 * co-purchases (as of the last full value refresh), and stock.
 */
export class TargetingService {
  constructor(
    private readonly repository: TargetingRepository,
    private readonly coPurchases: CoPurchaseRepository,
  ) {}

  async facts(request: TargetingFactsRequest, values: ValueSource): Promise<OfferTargetingFactsType> {
    const [valued, purchases] = await Promise.all([values(request.customerIds), this.repository.purchases(request.customerIds)]);
    const bought = [...new Set(purchases.flatMap((p) => p.skus))].sort();
    const pairs = request.withCoPurchases ? await this.coPurchases.forSkus(bought, request.coPurchases) : [];
    const products = await this.repository.products([...new Set([...request.skus, ...pairs.map((p) => p.alsoBought)])]);
    const customers = request.customerIds.map((customerId, i): CustomerTargetingFactsType => ({
      customerId,
      ...valueFacts(valued[i]),
      categories: purchases[i].categories,
      skus: purchases[i].skus,
    }));
    return { customers, products, coPurchases: pairs.map(toCoPurchase) };
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
