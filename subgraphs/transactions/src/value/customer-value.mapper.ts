import type { CustomerValueRow } from './customer-value.repository';
import type { CustomerValueType } from './customer-value.type';
import { LifecycleStage, type RfmSegment } from './value.enums';

/** A stored row (or its absence: a prospect, zero money and no scores) as the API type. */
export function toCustomerValueType(row: CustomerValueRow, windowDays: number): CustomerValueType {
  const refreshedAt = row.refreshedAt ?? row.lastFullRefreshAt ?? new Date(); // the last fallback only before the boot refresh committed
  if (row.orderCount === null) {
    return {
      currency: null,
      lifecycleStage: LifecycleStage.PROSPECT,
      rfm: { windowDays, recencyDays: null, frequency: 0, monetary: 0, recencyScore: null, frequencyScore: null, monetaryScore: null, segment: null, scoresAsOf: row.lastFullRefreshAt },
      lifetimeValue: { orderCount: 0, historical: 0, averageOrderValue: 0, predicted: 0 },
      churnRisk: null,
      scoringWithheld: false,
      refreshedAt,
    };
  }
  const historical = row.historicalValue!;
  return {
    currency: row.currency,
    lifecycleStage: row.lifecycleStage as LifecycleStage,
    rfm: {
      windowDays: row.windowDays ?? windowDays,
      recencyDays: row.recencyDays,
      frequency: row.frequency!,
      monetary: row.monetary!,
      recencyScore: row.recencyScore,
      frequencyScore: row.frequencyScore,
      monetaryScore: row.monetaryScore,
      segment: row.segment as RfmSegment | null,
      scoresAsOf: row.scoresAsOf,
    },
    lifetimeValue: { orderCount: row.orderCount, historical, averageOrderValue: Math.round((historical / row.orderCount) * 100) / 100, predicted: row.predictedValue! },
    churnRisk: row.churnRisk,
    scoringWithheld: false,
    refreshedAt,
  };
}

/** What a customer who did not consent to profiling gets: the flag and the time, no scores. */
export const withheldValue = (refreshedAt: Date): CustomerValueType => ({
  currency: null,
  lifecycleStage: null,
  rfm: null,
  lifetimeValue: null,
  churnRisk: null,
  scoringWithheld: true,
  refreshedAt,
});
