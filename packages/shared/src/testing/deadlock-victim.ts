import type { DataSource, EntityManager } from 'typeorm';

/** What PostgreSQL raises in the transaction it picked as a deadlock's victim. */
const deadlockDetected = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

export interface DeadlockVictim {
  /** The data source to hand to the code under test. */
  dataSource: DataSource;
  /** How many transactions were made victims (at most one). */
  victims(): number;
}

/**
 * A test double of `dataSource`: the first transaction that runs a statement matching `statement` is
 * made a deadlock's victim right after that statement, so what it wrote until then is rolled back with
 * it, as PostgreSQL does. Later transactions run untouched.
 */
export function deadlockVictimOnce(dataSource: DataSource, statement: RegExp): DeadlockVictim {
  let victims = 0;
  const victimManager = (manager: EntityManager): EntityManager =>
    new Proxy(manager, {
      get(target, property) {
        if (property !== 'query') return Reflect.get(target, property);
        return async (sql: string, params?: unknown[]) => {
          const rows: unknown = await target.query(sql, params);
          if (victims === 0 && statement.test(sql)) {
            victims++;
            throw deadlockDetected();
          }
          return rows;
        };
      },
    });
  const transaction = (...args: unknown[]) => {
    const run = args[args.length - 1] as (manager: EntityManager) => Promise<unknown>;
    const wrapped = (manager: EntityManager) => run(victimManager(manager));
    return args.length > 1 ? dataSource.transaction(args[0] as Parameters<DataSource['transaction']>[0] & string, wrapped) : dataSource.transaction(wrapped);
  };
  const proxy = new Proxy(dataSource, { get: (target, property) => (property === 'transaction' ? transaction : Reflect.get(target, property)) });
  return { dataSource: proxy, victims: () => victims };
}
