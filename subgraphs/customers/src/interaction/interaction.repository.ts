import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CustomerRowMoves, type ChildPageRows, type CursorKey } from '@c360/shared';
import { InteractionEntity } from './interaction.entity';


/** All SQL for the interaction timeline. */
export class InteractionRepository {
  private readonly moves = new CustomerRowMoves('customers', [{ table: 'customers.interaction' }]);

  constructor(private readonly dataSource: DataSource) {}

  /** The survivor a retired (merged) id resolves to, with the merge that retired it; null when not retired. */
  async aliasOf(manager: EntityManager, customerId: string): Promise<{ survivorId: string; mergeId: string } | null> {
    const [row]: { survivor_id: string; merge_id: string }[] = await manager.query(`SELECT survivor_id, merge_id FROM customers.customer_alias WHERE alias_id = $1`, [customerId]);
    return row ? { survivorId: row.survivor_id, mergeId: row.merge_id } : null;
  }

  /** An interaction recorded on the survivor through a retired id: an unmerge gives it back to that id. */
  recordedThroughAlias(manager: EntityManager, write: { mergeId: string; rowId: string; aliasId: string; survivorId: string }): Promise<void> {
    return this.moves.recordAliasWrites(manager, 'customers.interaction', [write]);
  }

  /** Newest first; one statement for every customer in the batch. */
  async timelines(customerIds: string[], size: number, after: CursorKey | undefined): Promise<ChildPageRows<InteractionEntity>> {
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH page AS (
         SELECT i.*, row_number() OVER (PARTITION BY i.customer_id ORDER BY i.occurred_at DESC, i.id DESC) AS rn
         FROM customers.interaction i
         WHERE i.customer_id = ANY($1::uuid[])
           AND ($3::timestamptz IS NULL OR (i.occurred_at, i.id) < ($3::timestamptz, $4::uuid))
       ), totals AS (
         SELECT customer_id, count(*)::int AS total FROM customers.interaction WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id
       )
       SELECT page.id, page.customer_id, page.channel, page.kind, page.type, page.occurred_at, page.attributes, totals.total
       FROM page JOIN totals USING (customer_id)
       WHERE page.rn <= $2
       ORDER BY page.customer_id, page.rn`,
      [customerIds, size + 1, after?.[0] ?? null, after?.[1] ?? null],
    );
    const totals = new Map<string, number>();
    const rows = raw.map((r) => {
      totals.set(r.customer_id as string, r.total as number);
      return Object.assign(new InteractionEntity(), {
        id: r.id as string,
        customerId: r.customer_id as string,
        channel: r.channel as string,
        kind: r.kind as string,
        type: r.type as string,
        occurredAt: new Date(r.occurred_at as string | Date),
        attributes: r.attributes as Record<string, unknown>,
      });
    });
    return { rows, totals };
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async customerExists(manager: EntityManager, customerId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM customers.customer WHERE id = $1`, [customerId]);
    return rows.length > 0;
  }

  async insert(manager: EntityManager, interaction: Omit<InteractionEntity, 'id'>): Promise<InteractionEntity> {
    const entity = Object.assign(new InteractionEntity(), interaction, { id: randomUUID() });
    await manager.getRepository(InteractionEntity).insert(entity as QueryDeepPartialEntity<InteractionEntity>);
    return entity;
  }
}
