import { PeerSegmentConditionInput } from '@c360/shared/segments';

// Internal contract with the customers subgraph (segments): @inaccessible keeps it out of the public graph.
export const ConsentSegmentConditionInput = PeerSegmentConditionInput('ConsentSegmentCondition', 'A segment condition on consent (the shared vocabulary in @c360/shared/segments)');
export type ConsentSegmentConditionInput = InstanceType<typeof ConsentSegmentConditionInput>;
