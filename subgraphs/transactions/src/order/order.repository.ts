import { In, type DataSource, type EntityManager } from 'typeorm';
import type { ChildPageRows, CursorKey } from '@c360/shared';
import { OrderLineEntity } from './order-line.entity';
import { OrderEntity } from './order.entity';

/** All SQL for orders and their lines. */
export class OrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<OrderEntity[]> {
    return manager.getRepository(OrderEntity).findBy({ id: In([...ids]) });
  }

  async findByExternalKey(sourceSystem: string, externalId: string): Promise<OrderEntity | null> {
    return this.dataSource.getRepository(OrderEntity).findOneBy({ sourceSystem, externalId });
  }

  linesOf(orderIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<OrderLineEntity[]> {
    return manager.getRepository(OrderLineEntity).find({ where: { orderId: In([...orderIds]) }, order: { orderId: 'ASC', lineNo: 'ASC' } });
  }

  async insertOrder(manager: EntityManager, order: OrderEntity): Promise<void> {
    await manager.getRepository(OrderEntity).insert(order);
  }

  async insertLines(manager: EntityManager, lines: OrderLineEntity[]): Promise<void> {
    await manager.getRepository(OrderLineEntity).insert(lines);
  }

  /** Moves an order out of `from` only if it is still there; false when it was not. */
  async changeStatus(manager: EntityManager, id: string, from: string, to: string): Promise<boolean> {
    const result = await manager.getRepository(OrderEntity).update({ id, status: from }, { status: to });
    return (result.affected ?? 0) > 0;
  }

  /** A page of order history (newest first) for every customer, in one statement. */
  async histories(customerIds: string[], size: number, after: CursorKey | undefined): Promise<ChildPageRows<OrderEntity>> {
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH page AS (
         SELECT o.*, row_number() OVER (PARTITION BY o.customer_id ORDER BY o.occurred_at DESC, o.id DESC) AS rn
         FROM transactions.customer_order o
         WHERE o.customer_id = ANY($1::uuid[])
           AND ($3::timestamptz IS NULL OR (o.occurred_at, o.id) < ($3::timestamptz, $4::uuid))
       ), totals AS (
         SELECT customer_id, count(*)::int AS total_count FROM transactions.customer_order WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id
       )
       SELECT page.id, page.customer_id, page.total::float8 AS total, page.currency, page.channel, page.status, page.occurred_at,
              page.source_system, page.external_id, page.recorded_at, totals.total_count
       FROM page JOIN totals USING (customer_id)
       WHERE page.rn <= $2
       ORDER BY page.customer_id, page.rn`,
      [customerIds, size + 1, after?.[0] ?? null, after?.[1] ?? null],
    );
    const totals = new Map<string, number>();
    const rows = raw.map((r) => {
      totals.set(r.customer_id as string, r.total_count as number);
      return Object.assign(new OrderEntity(), {
        id: r.id as string,
        customerId: r.customer_id as string,
        total: r.total as number,
        currency: r.currency as string,
        channel: r.channel as string,
        status: r.status as string,
        occurredAt: new Date(r.occurred_at as string | Date),
        sourceSystem: r.source_system as string,
        externalId: r.external_id as string,
        recordedAt: new Date(r.recorded_at as string | Date),
      });
    });
    return { rows, totals };
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
