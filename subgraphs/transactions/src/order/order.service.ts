import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { everyCustomerKnown, isUniqueViolation, noAliasWrites, retryDeadlocked, type AliasWriteLog, type KnownCustomers } from '@c360/shared';
import { fromCents, toCents } from '../money';
import type { CatalogueRepository, PriceInForce } from '../catalogue/catalogue.repository';
import type { ProductRepository } from '../product/product.repository';
import type { StockLedgerRepository } from '../stock/stock-ledger.repository';
import { OrderLineEntity } from './order-line.entity';
import { OrderEntity } from './order.entity';
import { OrderStatus } from './order.enums';
import { completedIsNotATarget, currencyMismatch, externalKeyConflict, orderNotFound, statusNotChangeable, unknownSkus } from './order.errors';
import type { RecordOrderInput } from './order.input';
import type { OrderRepository } from './order.repository';
import { describesOrder, toOrderRequest, type OrderRequest } from './order.request';
import { recordEvent } from '@c360/shared';

/** Told, after the commit, whose completed orders changed (the value analysis refreshes that customer). */
export type OrdersChangedListener = (customerId: string) => Promise<void>;

/** Refuses orders for customers whose data was erased (the subject-data tombstones). */
export interface ErasedCustomerGuard {
  /** Early refusal, before any work: a replay of an erased customer's order is refused too, never answered with its de-identified order. */
  refuseErased(customerId: string): Promise<void>;
  /** The deciding refusal, first in the inserting transaction: waits for a concurrent erasure of the customer to commit, then sees it. */
  refuseErasedWithin(manager: EntityManager, customerId: string): Promise<void>;
}

const noErasures: ErasedCustomerGuard = { refuseErased: async () => undefined, refuseErasedWithin: async () => undefined };

/** What orders need of the catalogue: which skus exist, their price at a time, and the stock ledger their sales go to. */
export interface OrderCatalogue {
  products: ProductRepository;
  prices: CatalogueRepository;
  ledger: StockLedgerRepository;
}

/**
 * Order ingest and status changes: idempotent and all-or-nothing. Orders record sales: the ERP
 * accepted them, so they are never refused for stock (README, "Catalogue and stock").
 */
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly catalogue: OrderCatalogue,
    private readonly ordersChanged: OrdersChangedListener = async () => undefined,
    private readonly erased: ErasedCustomerGuard = noErasures,
    /** Orders only for customers the customers subgraph knows (NOT_FOUND) and has not erased (SUBJECT_ERASED). */
    private readonly known: KnownCustomers = everyCustomerKnown,
    /** Where an order recorded through a retired (merged) id is noted, so an unmerge gives it back. */
    private readonly aliasWrites: AliasWriteLog = noAliasWrites,
  ) {}

  /** Only order feeds (staff, ERP) record orders, and they see every customer: a retired id lands on its survivor. */
  async record(input: RecordOrderInput, now = new Date()): Promise<OrderEntity> {
    const named = toOrderRequest(input, now);
    await this.erased.refuseErased(named.customerId);
    let target = (await this.known.resolveWritable([named.customerId])).get(named.customerId) ?? { customerId: named.customerId, viaMerge: null };
    const request: OrderRequest = { ...named, customerId: target.customerId };
    const existing = await this.orders.findByExternalKey(request.sourceSystem, request.externalId);
    if (existing) return this.replay(request, existing);
    const skus = [...new Set(request.lines.map((l) => l.sku))];
    const [known, prices] = await Promise.all([this.catalogue.products.findBySkus(skus), this.catalogue.prices.pricesAt(skus, request.occurredAt ?? now)]);
    // A product without price history (written before it existed) is priced at its current price.
    const [order, lines] = this.price(request, known.map((p) => prices.find((q) => q.sku === p.sku) ?? p), now);
    try {
      await retryDeadlocked(() => this.orders.transaction(async (manager) => {
        // Where the named id lives here now, under its merge locks: a merge step that committed since the
        // existence check (or behind another replica's cache) is seen; one that did not waits and moves this order.
        const landed = (await this.aliasWrites.landWithin(manager, [named.customerId], true)).get(named.customerId.toLowerCase());
        if (landed) {
          order.customerId = landed.customerId;
          target = landed;
        }
        // Checked again here, not only above: an erasure committing after that check would otherwise leave this order under the real id.
        await this.erased.refuseErasedWithin(manager, order.customerId);
        // The header goes first: a concurrent replay then waits on its unique key and never touches stock.
        await this.orders.insertOrder(manager, order);
        await this.orders.insertLines(manager, lines);
        if (target.viaMerge) await this.aliasWrites.recordAliasWrites(manager, 'transactions.customer_order', [{ mergeId: target.viaMerge, rowId: order.id, aliasId: named.customerId, survivorId: order.customerId }]);
        await this.catalogue.ledger.recordSales(manager, [order.id], now);
        await recordEvent(manager, { type: 'order.recorded', customerId: order.customerId, payload: { orderId: order.id, status: order.status }, occurredAt: now });
      }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.orders.findByExternalKey(request.sourceSystem, request.externalId);
      if (!winner) throw error;
      return this.replay(request, winner);
    }
    await this.notify(order.customerId);
    return order;
  }

  /**
   * COMPLETED -> REFUNDED (money returned; goods are not put back on sale automatically)
   * or COMPLETED -> CANCELLED (the goods never left: a CANCELLATION entry, dated now, returns the units).
   * Setting the status an order already has is a no-op.
   */
  async setStatus(id: string, status: OrderStatus, now = new Date()): Promise<void> {
    if (status === OrderStatus.COMPLETED) throw completedIsNotATarget();
    const changedFor = await this.orders.transaction(async (manager) => {
      const changed = await this.orders.changeStatus(manager, id, OrderStatus.COMPLETED, status);
      if (changed && status === OrderStatus.CANCELLED) await this.catalogue.ledger.recordCancellations(manager, [id], now);
      const [current] = await this.orders.findByIds([id], manager);
      if (!current) throw orderNotFound(id);
      if (!changed && current.status !== status) throw statusNotChangeable(current.status, status);
      if (changed) await recordEvent(manager, { type: 'order.status_changed', customerId: current.customerId, payload: { orderId: id, status }, occurredAt: now });
      return changed ? current.customerId : null;
    });
    if (changedFor) await this.notify(changedFor);
  }

  /** The order is committed whatever the listener does: a failed refresh leaves a stale value until the next one, never a failed ingest. */
  private async notify(customerId: string): Promise<void> {
    try {
      await this.ordersChanged(customerId);
    } catch (error) {
      process.stderr.write(`[transactions] value refresh for customer ${customerId} failed: ${(error as Error).message}\n`);
    }
  }

  private async replay(request: OrderRequest, existing: OrderEntity): Promise<OrderEntity> {
    const lines = await this.orders.linesOf([existing.id]);
    if (!describesOrder(request, existing, lines)) throw externalKeyConflict(existing.id);
    return existing;
  }

  /** Builds the order and its lines at the prices in force when it occurred; unknown skus and foreign currencies are refused. */
  private price(request: OrderRequest, products: PriceInForce[], now: Date): [OrderEntity, OrderLineEntity[]] {
    const bySku = new Map(products.map((p) => [p.sku, p]));
    const missing = [...new Set(request.lines.map((l) => l.sku).filter((sku) => !bySku.has(sku)))];
    if (missing.length > 0) throw unknownSkus();
    const foreign = products.filter((p) => p.currency !== request.currency).map((p) => p.sku);
    if (foreign.length > 0) throw currencyMismatch();
    const orderId = randomUUID();
    let totalCents = 0;
    const lines = request.lines.map((line, lineNo) => {
      const unitCents = line.unitPriceCents ?? toCents(bySku.get(line.sku)!.price);
      totalCents += unitCents * line.quantity;
      return Object.assign(new OrderLineEntity(), {
        orderId,
        lineNo,
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: fromCents(unitCents),
        lineTotal: fromCents(unitCents * line.quantity),
      });
    });
    const order = Object.assign(new OrderEntity(), {
      id: orderId,
      customerId: request.customerId,
      total: fromCents(totalCents),
      currency: request.currency,
      channel: request.channel,
      status: OrderStatus.COMPLETED,
      occurredAt: request.occurredAt ?? now,
      sourceSystem: request.sourceSystem,
      externalId: request.externalId,
      recordedAt: now,
    });
    return [order, lines];
  }
}
