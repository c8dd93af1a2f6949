import { registerEnumType } from 'type-graphql';

export enum CustomerMergeState {
  RUNNING = 'RUNNING',
  MERGED = 'MERGED',
  /** A subgraph refused or failed: every step already done was undone; both profiles are as before. */
  FAILED = 'FAILED',
  /** An unmerge is under way, or a subgraph failed during one: asking again resumes it. */
  UNMERGING = 'UNMERGING',
  UNMERGED = 'UNMERGED',
}

export enum MatchIdentifier {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  EXTERNAL_ID = 'EXTERNAL_ID',
}

registerEnumType(CustomerMergeState, { name: 'CustomerMergeState', description: 'Where a profile merge is: RUNNING, MERGED, FAILED (compensated), UNMERGING, UNMERGED' });
registerEnumType(MatchIdentifier, { name: 'MatchIdentifier', description: 'The normalised identifier two profiles share' });
