import { hasAtMostDecimals } from '../common/numeric';
import type { LifecycleStage } from './lifecycle-stage.enum';
import type { OfferEntity } from './offer.entity';
import { badTargeting } from './offer.errors';
import type { OfferTargetingInput } from './offer-targeting.input';
import type { OfferTargetingType } from './offer-targeting.type';

export type TargetingColumns = Pick<
  OfferEntity,
  'targetSegmentIds' | 'targetLifecycleStages' | 'minMonetary' | 'minPredictedValue' | 'maxChurnRisk' | 'frequencyCap' | 'frequencyCapDays'
>;

export const NO_TARGETING: TargetingColumns = {
  targetSegmentIds: [],
  targetLifecycleStages: [],
  minMonetary: null,
  minPredictedValue: null,
  maxChurnRisk: null,
  frequencyCap: null,
  frequencyCapDays: null,
};

const duplicates = <T>(values: readonly T[]) => values.filter((v, i) => values.indexOf(v) !== i);

/** Validates the targeting rules (WHO and HOW OFTEN) and turns them into columns; throws BAD_USER_INPUT before any SQL. */
export function checkTargeting(input: OfferTargetingInput | null | undefined): TargetingColumns {
  if (!input) return NO_TARGETING;
  const segmentIds = input.segmentIds ?? [];
  const stages = input.lifecycleStages ?? [];
  if (duplicates(segmentIds).length) throw badTargeting('Each segment id may appear only once', 'segmentIds');
  if (duplicates(stages).length) throw badTargeting('Each lifecycle stage may appear only once', 'lifecycleStages');
  for (const [field, value] of [['minMonetary', input.minMonetary], ['minPredictedValue', input.minPredictedValue]] as const) {
    if (value != null && !hasAtMostDecimals(value, 2)) throw badTargeting(`${field} must have at most two decimals`, field);
  }
  if (input.maxChurnRisk != null && !hasAtMostDecimals(input.maxChurnRisk, 4)) throw badTargeting('maxChurnRisk must have at most four decimals', 'maxChurnRisk');
  return {
    targetSegmentIds: segmentIds,
    targetLifecycleStages: stages,
    minMonetary: input.minMonetary ?? null,
    minPredictedValue: input.minPredictedValue ?? null,
    maxChurnRisk: input.maxChurnRisk ?? null,
    frequencyCap: input.frequencyCap?.maxExposures ?? null,
    frequencyCapDays: input.frequencyCap?.withinDays ?? null,
  };
}

export function toTargetingType(e: TargetingColumns): OfferTargetingType {
  return {
    segmentIds: e.targetSegmentIds ?? [],
    lifecycleStages: (e.targetLifecycleStages ?? []) as LifecycleStage[],
    minMonetary: e.minMonetary,
    minPredictedValue: e.minPredictedValue,
    maxChurnRisk: e.maxChurnRisk,
    frequencyCap: e.frequencyCap != null && e.frequencyCapDays != null ? { maxExposures: e.frequencyCap, withinDays: e.frequencyCapDays } : null,
  };
}
