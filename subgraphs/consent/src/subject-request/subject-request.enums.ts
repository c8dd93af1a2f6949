import { registerEnumType } from 'type-graphql';

export enum DataSubjectRequestKind {
  ACCESS = 'ACCESS',
  ERASURE = 'ERASURE',
}

export enum DataSubjectRequestStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(DataSubjectRequestKind, { name: 'DataSubjectRequestKind', description: 'ACCESS: a portable export of everything held; ERASURE: erase or de-identify it everywhere' });
registerEnumType(DataSubjectRequestStatus, {
  name: 'DataSubjectRequestStatus',
  description: 'FAILED: some subgraph failed (retried automatically with backoff, or resumed); DONE only when every subgraph is DONE',
});
