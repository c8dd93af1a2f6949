import { registerEnumType } from 'type-graphql';

/** Stored as text in transactions.customer_value; the SQL that assigns them is in customer-value.sql.ts. */
export enum LifecycleStage {
  PROSPECT = 'PROSPECT',
  NEW = 'NEW',
  ACTIVE = 'ACTIVE',
  AT_RISK = 'AT_RISK',
  LAPSED = 'LAPSED',
}

export enum RfmSegment {
  CHAMPIONS = 'CHAMPIONS',
  LOYAL = 'LOYAL',
  POTENTIAL_LOYALIST = 'POTENTIAL_LOYALIST',
  NEW = 'NEW',
  PROMISING = 'PROMISING',
  NEED_ATTENTION = 'NEED_ATTENTION',
  AT_RISK = 'AT_RISK',
  CANT_LOSE = 'CANT_LOSE',
  HIBERNATING = 'HIBERNATING',
  LOST = 'LOST',
}

registerEnumType(LifecycleStage, {
  name: 'LifecycleStage',
  description:
    'PROSPECT: no completed purchase. NEW: one purchase, at most 90 days ago. Otherwise, against the rhythm (own mean days between purchases, or the base median for one-order customers, at least 1 day): ' +
    'ACTIVE when days since the last purchase <= 2 × rhythm, AT_RISK when <= 4 × rhythm, LAPSED beyond that or with no purchase in the RFM window',
});
registerEnumType(RfmSegment, {
  name: 'RfmSegment',
  description:
    'From the recency (R) and frequency (F) scores: CHAMPIONS R5 F4-5; LOYAL R3-4 F4-5; POTENTIAL_LOYALIST R4-5 F2-3; NEW R5 F1; PROMISING R4 F1; NEED_ATTENTION R3 F1-3; ' +
    'CANT_LOSE R1-2 F5; AT_RISK R1-2 F3-4; HIBERNATING R2 F1-2 and R1 F2; LOST R1 F1, and every buyer with no purchase in the window',
});
