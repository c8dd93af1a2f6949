import type { DataSource } from 'typeorm';
import { Arg, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { assertUuid } from '../errors/ids';
import { badInput } from '../errors/domain-error';
import { RequiresScope } from '../graphql/scope-auth';
import { OutboxRepository } from './outbox.repository';
import { EventDeadLetterType } from './dead-letter.type';

export const DEAD_LETTER_SCOPE = 'privacy:admin';
const MAX_PAGE = 500;

const classes = new Map<string, new (outbox: OutboxRepository) => object>();

/**
 * Staff view of one subgraph's dead letters and their replay: `<subgraph>EventDeadLetters` and
 * `replay<Subgraph>EventDeadLetters` (each subgraph has its own outbox, so its own root fields).
 */
export function createDeadLetterResolver(subgraph: string, dataSource: DataSource): object {
  let Class = classes.get(subgraph);
  if (!Class) {
    const capitalised = subgraph[0].toUpperCase() + subgraph.slice(1);
    @Resolver()
    class DeadLetterResolver {
      constructor(private readonly outbox: OutboxRepository) {}

      @Query(() => [EventDeadLetterType], { name: `${subgraph}EventDeadLetters`, description: `Events of the ${subgraph} subgraph whose delivery failed every attempt, oldest first (${DEAD_LETTER_SCOPE})` })
      @RequiresScope(DEAD_LETTER_SCOPE)
      async deadLetters(@Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<EventDeadLetterType[]> {
        if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`"first" must be between 1 and ${MAX_PAGE}`, { argument: 'first' });
        return (await this.outbox.deadLetters(first)).map((row) => ({ ...row, occurredAt: new Date(row.occurredAt), customerId: row.customerId ?? null }));
      }

      @Mutation(() => Int, { name: `replay${capitalised}EventDeadLetters`, description: `Puts dead letters back in line with fresh attempts (all when ids is omitted); answers how many (${DEAD_LETTER_SCOPE})` })
      @RequiresScope(DEAD_LETTER_SCOPE)
      async replay(@Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null): Promise<number> {
        if (ids && ids.length > MAX_PAGE) throw badInput(`"ids" may hold at most ${MAX_PAGE}`, { argument: 'ids' });
        return this.outbox.replay(ids ? ids.map((id, i) => assertUuid(id, `ids[${i}]`)) : null);
      }
    }
    Class = DeadLetterResolver;
    classes.set(subgraph, Class);
  }
  return new Class(new OutboxRepository(dataSource, subgraph));
}
