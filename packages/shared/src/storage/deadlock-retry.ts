import { isDeadlock } from './pg-errors';

/**
 * Runs a writing transaction, again when PostgreSQL picked it as a deadlock's victim (it was rolled back
 * whole, so a rerun starts clean), at most `attempts` times. For transactions whose lock set depends on
 * what they read (a write landing through a retired id adds its survivor's lock after the named id's),
 * and for merge and unmerge steps racing such writes or another subgraph's step on the same ids.
 */
export async function retryDeadlocked<T>(transaction: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
    }
  }
}
