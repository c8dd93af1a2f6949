import { registerEnumType } from 'type-graphql';

export enum ValueRefreshJobState {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ValueRefreshJobState, { name: 'ValueRefreshJobState', description: 'RUNNING until the refresh commits (DONE) or gives up (FAILED)' });

/** One full value refresh started on demand. */
export interface ValueRefreshJob {
  id: string;
  state: ValueRefreshJobState;
  startedAt: Date;
  finishedAt: Date | null;
  customersValued: number | null;
  customersScored: number | null;
  durationMs: number | null;
  failure: string | null;
}
