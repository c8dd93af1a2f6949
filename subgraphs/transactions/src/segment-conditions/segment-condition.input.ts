import { PeerSegmentConditionInput } from '@c360/shared/segments';

// Internal contract with the customers subgraph (segments): @inaccessible keeps it out of the public graph.
export const TransactionSegmentConditionInput = PeerSegmentConditionInput('TransactionSegmentCondition', 'A segment condition on value or purchases (the shared vocabulary in @c360/shared/segments)');
export type TransactionSegmentConditionInput = InstanceType<typeof TransactionSegmentConditionInput>;
