import { In, type DataSource, type EntityManager } from 'typeorm';
import { bulkInsert, type ChildPageRows, type CursorKey } from '@c360/shared';
import { OfferResponseEntity } from './offer-response.entity';

const COLUMNS = {
  id: 'uuid', event_id: 'text', offer_id: 'uuid', customer_id: 'uuid', type: 'text', channel: 'text',
  occurred_at: 'timestamptz', order_id: 'uuid', revenue: 'numeric', recorded_at: 'timestamptz', option_key: 'text',
};

/** All SQL for offer responses. */
export class ResponseRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByEventIds(eventIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<OfferResponseEntity[]> {
    return manager.getRepository(OfferResponseEntity).findBy({ eventId: In([...eventIds]) });
  }

  /** One statement however many rows (the demo seeder uses it too). */
  async insertMany(manager: EntityManager, responses: OfferResponseEntity[]): Promise<void> {
    await bulkInsert(manager, 'offers.offer_response', COLUMNS, responses.map(toRow));
  }

  /** Newest first; one statement for every offer in the batch; only `visibleCustomers` (null: everyone). */
  pagesByOffer(offerIds: string[], size: number, after: CursorKey | undefined, visibleCustomers: string[] | null): Promise<ChildPageRows<OfferResponseEntity>> {
    return this.pages('offer_id', offerIds, size, after, visibleCustomers);
  }

  /** Newest first; one statement for every customer in the batch. */
  pagesByCustomer(customerIds: string[], size: number, after: CursorKey | undefined): Promise<ChildPageRows<OfferResponseEntity>> {
    return this.pages('customer_id', customerIds, size, after, null);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private async pages(
    parent: 'offer_id' | 'customer_id',
    parentIds: string[],
    size: number,
    after: CursorKey | undefined,
    visibleCustomers: string[] | null,
  ): Promise<ChildPageRows<OfferResponseEntity>> {
    // The audience is part of the WHERE of both the page and the count (never filtered after loading).
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH page AS (
         SELECT r.*, row_number() OVER (PARTITION BY r.${parent} ORDER BY r.occurred_at DESC, r.id DESC) AS rn
         FROM offers.offer_response r
         WHERE r.${parent} = ANY($1::uuid[])
           AND ($5::uuid[] IS NULL OR r.customer_id = ANY($5::uuid[]))
           AND ($3::timestamptz IS NULL OR (r.occurred_at, r.id) < ($3::timestamptz, $4::uuid))
       ), totals AS (
         SELECT ${parent} AS parent, count(*)::int AS total FROM offers.offer_response
         WHERE ${parent} = ANY($1::uuid[]) AND ($5::uuid[] IS NULL OR customer_id = ANY($5::uuid[]))
         GROUP BY ${parent}
       )
       SELECT page.*, totals.total FROM page JOIN totals ON totals.parent = page.${parent}
       WHERE page.rn <= $2
       ORDER BY page.${parent}, page.rn`,
      [parentIds, size + 1, after?.[0] ?? null, after?.[1] ?? null, visibleCustomers],
    );
    const totals = new Map<string, number>();
    const rows = raw.map((r) => {
      totals.set(r[parent] as string, r.total as number);
      return fromRow(r);
    });
    return { rows, totals };
  }
}

const toRow = (e: OfferResponseEntity) => ({
  id: e.id, event_id: e.eventId, offer_id: e.offerId, customer_id: e.customerId, type: e.type, channel: e.channel,
  occurred_at: e.occurredAt.toISOString(), order_id: e.orderId, revenue: e.revenue, recorded_at: e.recordedAt.toISOString(), option_key: e.optionKey,
});

const fromRow = (r: Record<string, unknown>) =>
  Object.assign(new OfferResponseEntity(), {
    id: r.id as string,
    eventId: r.event_id as string,
    offerId: r.offer_id as string,
    customerId: r.customer_id as string,
    type: r.type as string,
    channel: r.channel as string,
    occurredAt: new Date(r.occurred_at as string | Date),
    orderId: (r.order_id as string | null) ?? null,
    revenue: r.revenue === null || r.revenue === undefined ? null : Number(r.revenue),
    recordedAt: new Date(r.recorded_at as string | Date),
    optionKey: (r.option_key as string | null) ?? null,
  });
